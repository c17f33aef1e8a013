export { useRace } from './use-race.js';
export type { UseRaceOptions, UseRaceResult } from './use-race.js';
