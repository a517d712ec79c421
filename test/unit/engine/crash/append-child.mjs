// Child process for crash-safety.test.ts: opens the workbench in argv[2] with the built engine
// (dist/, so run `npx tsc -b` first) and appends batches of 1..5000 entries forever, printing
// `ack <treeSize> <rootHex>` after each append returns. The test SIGKILLs it at a random moment.
//
// usage: node append-child.mjs DATA_DIR SEED
import { writeSync } from 'node:fs';
import { openWorkbench } from '../../../../dist/electron/engine/open-workbench.js';

const [dataDir, seedText = '1'] = process.argv.slice(2);
if (!dataDir) {
  process.stderr.write('usage: node append-child.mjs DATA_DIR SEED\n');
  process.exit(2);
}

/** Entry i's body; crash-safety.test.ts computes the same bytes to check what was stored. */
function crashEntryBody(i) {
  return new TextEncoder().encode(`crash entry ${i} ${'.'.repeat(i % 37)}`);
}

// xorshift32: batch sizes are reproducible from the seed the test prints.
let state = (Number(seedText) >>> 0) || 1;
function nextRandom() {
  state ^= state << 13;
  state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state;
}

const toHex = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');

const workbench = openWorkbench({ dataDir });
const log = workbench.localLog();
// Synchronous writes: an ack is in the pipe before the next append starts.
writeSync(1, `ready ${log.record().treeSize}\n`);
for (;;) {
  const size = log.record().treeSize;
  const count = 1 + (nextRandom() % 5000);
  const entries = Array.from({ length: count }, (_, k) => ({ body: crashEntryBody(size + k) }));
  const result = log.append(entries);
  writeSync(1, `ack ${result.treeSize} ${toHex(result.rootHash)}\n`);
}
