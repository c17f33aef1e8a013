export { createPartialJsonParser } from './partial-json-parser.js';
