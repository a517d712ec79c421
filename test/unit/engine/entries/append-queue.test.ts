import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, InputError, VerificationError } from '../../../../shared/api/index.js';
import { nodeHasher } from '../../../../electron/engine/crypto/index.js';
import { createAppendQueue, prepareEntry, type AppendQueue } from '../../../../electron/engine/entries/index.js';
import type { Workbench } from '../../../../electron/engine/open-workbench.js';
import { expectRejection } from '../../../helpers/assertions.js';
import { hashedRekordProposal } from '../../../helpers/serve.js';
import { tempWorkbench } from '../../../helpers/temp-workbench.js';
import { testSigner } from '../../../fixtures/sigstore/local-signing.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('createAppendQueue', () => {
  let wb: Workbench;
  let cleanup: () => void;
  let queue: AppendQueue;
  const signer = testSigner('ecdsa-p256');
  const checkpoints = () => wb.store.checkpoints(wb.localLog().record().id).length;

  beforeEach(() => {
    ({ workbench: wb, cleanup } = tempWorkbench());
    queue = createAppendQueue({ log: wb.localLog(), hasher: nodeHasher, clock: wb.clock, registry: wb.kinds() });
  });
  afterEach(() => cleanup());

  describe('given 50 entries added at once', () => {
    it('appends them all in one transaction with one signed checkpoint, each at its own index', async () => {
      const before = checkpoints();
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => queue.add(hashedRekordProposal(enc(`artefact ${i}`), signer))));
      expect(new Set(results.map((r) => r.logIndex)).size).toBe(50);
      expect(results.map((r) => r.logIndex).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
      expect(queue.stats()).toEqual({ batches: 1, entries: 50 });
      expect(checkpoints()).toBe(before + 1);
      for (const r of results) expect(Buffer.from(wb.localLog().leafHash(r.logIndex)).toString('hex')).toBe(r.uuid);
    });
  });

  describe('given a batch holding a duplicate of a logged entry, a copy within the batch and a bad entry', () => {
    it('fails only those, each with its own error, and appends the rest', async () => {
      const logged = hashedRekordProposal(enc('logged'), signer);
      const first = await queue.add(logged);
      const twin = hashedRekordProposal(enc('twin'), signer);
      const bad = hashedRekordProposal(enc('bad'), signer) as { spec: { signature: { content: string } } };
      // A valid signature, but over another artefact.
      bad.spec.signature.content = (hashedRekordProposal(enc('other'), signer) as typeof bad).spec.signature.content;
      const outcomes = await Promise.allSettled([
        queue.add(hashedRekordProposal(enc('fresh 1'), signer)),
        queue.add(logged),
        queue.add(twin),
        queue.add(twin),
        queue.add(bad),
        queue.add({ kind: 'hashedrekord' }),
        queue.add(hashedRekordProposal(enc('fresh 2'), signer)),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'rejected', 'rejected', 'fulfilled']);
      const reason = (i: number) => (outcomes[i] as PromiseRejectedResult).reason as { code: string; details?: Record<string, unknown> };
      expect(reason(1)).toBeInstanceOf(ConflictError);
      expect(reason(1).details).toMatchObject({ uuid: first.uuid, logIndex: first.logIndex });
      const twinAt = (outcomes[2] as PromiseFulfilledResult<{ logIndex: number; uuid: string }>).value;
      expect(reason(3).details).toMatchObject({ uuid: twinAt.uuid, logIndex: twinAt.logIndex });
      expect(reason(4)).toBeInstanceOf(VerificationError);
      expect(reason(5)).toBeInstanceOf(InputError);
      expect(wb.localLog().record().treeSize).toBe(4);
      expect(queue.stats()).toEqual({ batches: 2, entries: 4 });
    });
  });

  describe('given entries still being verified when a commit is due', () => {
    const prepared = (text: string) => prepareEntry({ registry: wb.kinds(), clock: wb.clock }, hashedRekordProposal(enc(text), signer));

    it('waits for them, so they share one transaction', async () => {
      let inFlight = 1;
      const waitingQueue = createAppendQueue({ log: wb.localLog(), hasher: nodeHasher, clock: wb.clock, registry: wb.kinds(), inFlight: () => inFlight, maxWaitMs: 5000 });
      const [a, b] = [await prepared('early'), await prepared('late')];
      const first = waitingQueue.append(a);
      await new Promise((resolve) => setTimeout(resolve, 30));
      const second = waitingQueue.append(b);
      inFlight = 0;
      await Promise.all([first, second]);
      expect(waitingQueue.stats()).toEqual({ batches: 1, entries: 2 });
    });

    it('waits no longer than maxWaitMs', async () => {
      const waitingQueue = createAppendQueue({ log: wb.localLog(), hasher: nodeHasher, clock: wb.clock, registry: wb.kinds(), inFlight: () => 1, maxWaitMs: 20 });
      const started = performance.now();
      await waitingQueue.append(await prepared('alone'));
      expect(performance.now() - started).toBeGreaterThanOrEqual(19);
      expect(waitingQueue.stats()).toEqual({ batches: 1, entries: 1 });
    });
  });

  describe('given an entry another writer appended after it was queued', () => {
    it('rejects it as a duplicate and still appends the others', async () => {
      const proposal = hashedRekordProposal(enc('raced'), signer);
      const entry = await prepareEntry({ registry: wb.kinds(), clock: wb.clock }, proposal);
      const pending = queue.append(entry);
      const other = queue.append(await prepareEntry({ registry: wb.kinds(), clock: wb.clock }, hashedRekordProposal(enc('other'), signer)));
      wb.localLog().append([entry], { rejectDuplicates: true });
      await expectRejection(pending, ConflictError, 'already_exists');
      expect((await other).logIndex).toBe(1);
    });
  });
});
