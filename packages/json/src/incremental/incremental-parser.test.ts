import { runBackendSuite } from '../../test/backend-suite.js';
import { createIncrementalParser } from './incremental-parser.js';

runBackendSuite('createIncrementalParser', createIncrementalParser, {
  keepsIdentity: true,
  exactErrorOffsets: true,
  propertyRuns: 300,
});
