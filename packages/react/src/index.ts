export * from './stream/index.js';
export * from './smooth-text/index.js';
export * from './chat/index.js';
export * from './structured/index.js';
export * from './race/index.js';
export * from './fan-out/index.js';
