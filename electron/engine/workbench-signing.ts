/**
 * The Keys and Sign views' operations of WorkbenchApi (`keys.*`, `signing.*`) over the engine's
 * keyring and signArtifact: the same signing the CLI's `provwb sign` does, fed a staged artefact.
 */

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  InputError,
  MAX_REKORD_CONTENT_BYTES,
  type KeyDto,
  type PublicKeyExportDto,
  type SignResultDto,
  type SigningKindDto,
  type WorkbenchApi,
} from '../../shared/api/index.js';
import { fromBase64, fromHex, toBase64, utf8 } from '../../shared/encoding/index.js';
import type { KeyInfo, KeyType } from './keys/index.js';
import { LOCAL_LOG_NAME, type Workbench } from './open-workbench.js';
import { defaultSigningKind, signArtifact } from './signing/index.js';
import type { ArtifactStaging } from './workbench-artifacts.js';

/** Which kinds each key type can sign (signArtifact's rules, stated up front for the Sign view). */
const KINDS_OF_TYPE: Readonly<Record<KeyType, readonly SigningKindDto[]>> = {
  ed25519: ['dsse'],
  'ecdsa-p256': ['hashedrekord', 'dsse'],
  pgp: ['rekord'],
  'ssh-ed25519': ['rekord'],
  'ssh-ecdsa-p256': ['rekord'],
  'ssh-rsa': ['rekord'],
  minisign: ['rekord'],
};

const EXPORT_EXTENSION: Readonly<Record<PublicKeyExportDto['format'], string>> = {
  'openpgp-armored': '.asc',
  openssh: '.pub',
  minisign: '.pub',
  'pem-spki': '.pem',
};

function keyDto(key: KeyInfo): KeyDto {
  return { ...key, defaultKind: defaultSigningKind(key), kinds: KINDS_OF_TYPE[key.type] };
}

/** Returns `keys` and `signing` for createWorkbenchApi. */
export function createSigningOperations(workbench: Workbench, staging: ArtifactStaging): Pick<WorkbenchApi, 'keys' | 'signing'> {
  return {
    keys: {
      async list() {
        return { keys: workbench.keyring().list().map(keyDto) };
      },
      async generate(input) {
        return keyDto(await workbench.keyring().generate({ type: input.type, name: input.name, email: input.email, passphrase: input.passphrase }));
      },
      async import(input) {
        return keyDto(await workbench.keyring().import(fromBase64(input.keyBase64), { name: input.name, passphrase: input.passphrase, sourcePassphrase: input.sourcePassphrase }));
      },
      async exportPublic(input) {
        const exported = workbench.keyring().exportPublic(input.name);
        return { ...exported, fileName: `${exported.name}${EXPORT_EXTENSION[exported.format]}` };
      },
    },

    signing: {
      async sign(input) {
        const artifact = staging.get(input.artifact);
        const keyring = workbench.keyring();
        const key = keyring.get(input.keyName);
        const kind = input.kind ?? defaultSigningKind(key);
        if (!KINDS_OF_TYPE[key.type].includes(kind)) {
          throw new InputError('kind_unsupported_for_key', `a ${key.type} key cannot sign a ${kind} entry; it signs ${KINDS_OF_TYPE[key.type].join(' or ')}`, { key: key.name, kind }, {
            hint: `choose ${KINDS_OF_TYPE[key.type].join(' or ')}, or another key`,
          });
        }
        let content: Uint8Array | undefined;
        if (kind === 'rekord') {
          // Rekor's rekord format embeds the whole artefact in the entry, so only it reads the file.
          if (artifact.sizeBytes > MAX_REKORD_CONTENT_BYTES) {
            throw new InputError('artifact_too_large', `${artifact.name} is ${artifact.sizeBytes} bytes; a rekord entry carries the file itself and takes at most ${MAX_REKORD_CONTENT_BYTES}`, { limit: MAX_REKORD_CONTENT_BYTES }, {
              hint: 'sign large files with an ECDSA P-256 or Ed25519 key (hashedrekord or dsse log only the digest)',
            });
          }
          content = new Uint8Array(await readFile(artifact.path));
          // The desktop's file may have changed since it was picked; sign what was shown.
          if (createHash('sha256').update(content).digest('hex') !== artifact.sha256) {
            throw new InputError('artifact_changed', `${artifact.name} changed on disk after it was chosen`, { name: artifact.name }, { hint: 'choose the file again' });
          }
        }
        const result = await signArtifact(
          { ...workbench.entryContext(), keyring },
          { sha256: fromHex(artifact.sha256), content, fileName: artifact.name, keyName: key.name, passphrase: input.passphrase, kind },
        );
        await staging.release(artifact.id);
        const common = { log: LOCAL_LOG_NAME, logIndex: result.logIndex, uuid: result.uuid, kind, keyName: key.name, fileName: artifact.name, sha256: artifact.sha256 };
        const dto: SignResultDto =
          result.output === 'bundle'
            ? { ...common, output: 'bundle', outputBase64: toBase64(utf8(`${JSON.stringify(result.bundle, null, 2)}\n`)), outputFileName: `${artifact.name}.sigstore.json` }
            : { ...common, output: 'signature', outputBase64: toBase64(result.signature), outputFileName: `${artifact.name}${result.signatureExtension}` };
        return dto;
      },
    },
  };
}
