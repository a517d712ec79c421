export { preAuthEncoding, IN_TOTO_PAYLOAD_TYPE } from './pre-auth-encoding.js';
