export { canonicalJson, canonicalJsonBytes } from './canonical-json.js';
