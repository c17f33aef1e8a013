export { repairBlock } from './repair-block.js';
export { PENDING_LINK } from './types.js';
