import { cosignRemote, witnessKeyJson, type CosignResult, type WitnessKeyJson } from '../../witness/index.js';
import { defineCommand } from '../command.js';

export const witnessCosign = defineCommand<{ name: string }, CosignResult>({
  name: 'witness cosign',
  summary:
    'Cosign the latest checkpoint of a remote (C2SP tlog-cosignature, cosignature/v1) after checking it: no stored fork, the mirror holds that whole verified tree, every checkpoint seen agrees with it. Prints the cosigned note; it is also stored with the remote.',
  options: {},
  positionals: [{ name: 'NAME', help: 'the remote (sync it first)', required: true }],
  parse: (_values, positionals) => ({ name: positionals[0]! }),
  run: (args, ctx) => cosignRemote(ctx.workbench(), args.name),
  render: (r) => r.note,
});

export const witnessKey = defineCommand<Record<string, never>, WitnessKeyJson>({
  name: 'witness key',
  summary: 'Print the workbench witness’s verifier key (cosignature/v1 vkey), creating the Ed25519 key on first use.',
  options: {},
  positionals: [],
  parse: () => ({}),
  run: (_args, ctx) => witnessKeyJson(ctx.workbench()),
  render: (r) => r.verifierKey,
});
