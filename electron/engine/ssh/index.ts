export { SshReader, SshWireError, sshMpint, sshString, sshUint32 } from './ssh-wire.js';
export type { SshWireProblem } from './ssh-wire.js';
export { marshalSshPublicKey } from './ssh-public-key-blob.js';
export type { SshEcdsaCurveName, SshPublicKeyFields } from './ssh-public-key-blob.js';
export { SSHSIG_MAGIC, SSHSIG_VERSION, marshalSshSignature, marshalSshsig, sshsigSignedData } from './sshsig-blob.js';
