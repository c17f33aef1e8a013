import { runBackendSuite } from '../../test/backend-suite.js';
import { loadTreeSitterBackend } from './index.js';

const createTreeSitterParser = await loadTreeSitterBackend();
// Offsets are exact, but without a listener the error surfaces at the next sync, not the push holding it.
runBackendSuite('tree-sitter', createTreeSitterParser, { keepsIdentity: true, exactErrorOffsets: false });
