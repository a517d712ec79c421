import { writeFile } from 'node:fs/promises';
import { localTrustedRoot, type TrustedRootJson } from '../../sigstore/index.js';
import type { Workbench } from '../../open-workbench.js';
import { defineCommand } from '../command.js';
import { stringOption } from '../args.js';

/** Returns the Sigstore trusted root describing the local log (its key, log ID, validity). */
export function trustedRootOf(wb: Workbench): TrustedRootJson {
  const record = wb.localLog().record();
  return localTrustedRoot({ origin: record.origin, publicKeyRaw32: wb.signer.verifier.publicKey, logIdHex: wb.logIdHex, validFromMs: record.createdAt });
}

export const trustedRootExport = defineCommand<{ out: string | undefined }, TrustedRootJson | { out: string }>({
  name: 'trusted-root export',
  summary: 'Write a Sigstore trusted_root.json for the local log, so other Sigstore clients verify its bundles.',
  options: { out: { type: 'string', valueName: 'FILE', help: 'write here instead of standard output' } },
  positionals: [],
  parse: (values) => ({ out: stringOption(values, 'out') }),
  run: async (args, ctx) => {
    const root = trustedRootOf(ctx.workbench());
    if (args.out === undefined) return root;
    await writeFile(args.out, `${JSON.stringify(root, null, 2)}\n`);
    return { out: args.out };
  },
  render: (r) => ('out' in r ? `wrote ${r.out}` : JSON.stringify(r, null, 2)),
});
