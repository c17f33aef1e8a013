export * from './scenario/index.js';
export * from './encode/index.js';
export * from './faults/index.js';
export * from './timing/index.js';
export * from './provider/index.js';
