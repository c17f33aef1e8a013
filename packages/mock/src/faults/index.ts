export { parseFault } from './parse-fault.js';
export type { FaultSyntaxError } from './parse-fault.js';
export type { MockFault, MockFaultSpec } from './types.js';
