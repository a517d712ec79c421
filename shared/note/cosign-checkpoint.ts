/** Cosigning checkpoints (C2SP tlog-cosignature): appending a cosignature/v1 line. */

import { parseCheckpoint } from './checkpoint.js';
import { parseNote } from './parse-note.js';
import type { CosignerKey } from './signer-key.js';
import { addNoteSignatures } from './sign-note.js';

/**
 * Returns the signed checkpoint `note` with a cosignature/v1 line by `cosigner` dated
 * `timestampSec` (Unix seconds, from the caller's clock) appended; an earlier cosignature by the
 * same key is replaced, other signatures are kept. Throws malformed_note / malformed_checkpoint /
 * checkpoint_size_unsupported when the note text is not a checkpoint. It does not verify the log's
 * signature: a witness must openCheckpoint (and check consistency) before cosigning.
 */
export function cosignCheckpoint(note: Uint8Array | string, cosigner: CosignerKey, timestampSec: number): string {
  parseCheckpoint(parseNote(note).text);
  return addNoteSignatures(note, [cosigner.signerAt(timestampSec)]);
}
