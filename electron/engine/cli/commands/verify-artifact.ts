import { readFile } from 'node:fs/promises';
import { VerificationError, parseJsonText } from '../../../../shared/api/index.js';
import { verifyArtifact, type VerifyArtifactResult } from '../../sigstore/index.js';
import { defineCommand } from '../command.js';
import { stringOption } from '../args.js';
import { readInputBytes, readInputFile } from '../input-file.js';
import { trustedRootOf } from './trusted-root-export.js';

interface VerifyArtifactArgs {
  file: string;
  bundle: string;
  trustedRoot: string | undefined;
  key: string | undefined;
  identity: string | undefined;
  issuer: string | undefined;
}

const MAX_JSON = 16 * 1024 * 1024;

export const verifyArtifactCommand = defineCommand<VerifyArtifactArgs, VerifyArtifactResult>({
  name: 'verify artifact',
  summary: 'Verify a Sigstore bundle (v0.1–v0.3, ours or public-good Sigstore’s) for a file, offline; prints every check.',
  options: {
    bundle: { type: 'string', valueName: 'B', help: 'the bundle JSON' },
    'trusted-root': { type: 'string', valueName: 'R', help: 'Sigstore trusted_root.json (default: the local log’s)' },
    key: { type: 'string', valueName: 'PEM', help: 'the signer’s public key, required to match the logged key' },
    'certificate-identity': { type: 'string', valueName: 'ID', help: 'the certificate SAN that must have signed (keyless bundles)' },
    'certificate-oidc-issuer': { type: 'string', valueName: 'URL', help: 'the OIDC issuer that must have certified it' },
  },
  positionals: [{ name: 'FILE', help: 'the artefact', required: true }],
  parse: (values, positionals) => ({
    file: positionals[0]!,
    bundle: stringOption(values, 'bundle', true),
    trustedRoot: stringOption(values, 'trusted-root'),
    key: stringOption(values, 'key'),
    identity: stringOption(values, 'certificate-identity'),
    issuer: stringOption(values, 'certificate-oidc-issuer'),
  }),
  run: async (args, ctx) => {
    const artifact = await readInputBytes(args.file, ctx.stdin);
    const bundleJson = parseJsonText(await readInputFile(args.bundle, ctx.stdin, { maxBytes: MAX_JSON }), args.bundle);
    const trustedRootJson = args.trustedRoot === undefined ? trustedRootOf(ctx.workbench()) : parseJsonText(await readInputFile(args.trustedRoot, ctx.stdin, { maxBytes: MAX_JSON }), args.trustedRoot);
    const publicKeyPem = args.key === undefined ? undefined : await readFile(args.key, 'utf8');
    const result = await verifyArtifact({
      artifact,
      bundleJson,
      trustedRootJson,
      ...(publicKeyPem === undefined ? {} : { publicKeyPem }),
      ...(args.identity === undefined ? {} : { certificateIdentity: args.identity }),
      ...(args.issuer === undefined ? {} : { certificateOidcIssuer: args.issuer }),
      nowMs: Date.now(),
    });
    if (!result.ok) {
      const failed = result.checks.filter((c) => c.status === 'fail');
      throw new VerificationError('artifact_verification_failed', `verification failed: ${failed.map((c) => `${c.name} (${c.message})`).join('; ')}`, { ...result });
    }
    return result;
  },
  render: (r) => [`ok: verified log index ${r.logIndex}`, ...r.checks.map((c) => `  ${c.status.padEnd(4)} ${c.name.padEnd(16)} ${c.message}`)].join('\n'),
});
