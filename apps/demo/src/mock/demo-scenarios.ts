import type { MockScenario } from '@rill/mock';
import { profileExample } from '../structured/profile-schema.js';

/** Scenarios the pages pick by name with the `x-rill-mock-scenario` header. */
export const demoScenarios = {
  /** The structured page's object, pretty-printed so it streams a field at a time. */
  profile: { name: 'profile', parts: [{ type: 'text', text: JSON.stringify(profileExample, null, 2) }] },
  /** What each model of the race answers. */
  race: {
    name: 'race',
    parts: [{ type: 'text', text: 'This answer came from the model that produced the first token in time.' }],
  },
} satisfies Record<string, MockScenario>;
