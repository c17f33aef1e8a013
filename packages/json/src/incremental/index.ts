export { createIncrementalParser } from './incremental-parser.js';
