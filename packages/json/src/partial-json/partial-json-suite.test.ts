import { runBackendSuite } from '../../test/backend-suite.js';
import { createPartialJsonParser } from './index.js';

runBackendSuite('partial-json', createPartialJsonParser, { keepsIdentity: true, exactErrorOffsets: false });
