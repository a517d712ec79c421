/**
 * The example layouts of examples/layouts/ (with their signed example entries) as the designer's
 * templates, bundled as text at build time: the files the CLI's `types add` takes.
 */

import buildProvenanceEntry from '../../../../examples/layouts/build-provenance-0.0.1.entry.json?raw';
import buildProvenanceLayout from '../../../../examples/layouts/build-provenance-0.0.1.layout.json?raw';
import identityRecordEntry from '../../../../examples/layouts/identity-record-0.0.1.entry.json?raw';
import identityRecordLayout from '../../../../examples/layouts/identity-record-0.0.1.layout.json?raw';
import releaseRecordEntry from '../../../../examples/layouts/release-record-0.0.1.entry.json?raw';
import releaseRecordLayout from '../../../../examples/layouts/release-record-0.0.1.layout.json?raw';
import sbomAttestationEntry from '../../../../examples/layouts/sbom-attestation-0.0.1.entry.json?raw';
import sbomAttestationLayout from '../../../../examples/layouts/sbom-attestation-0.0.1.layout.json?raw';

export interface LayoutTemplate {
  readonly id: string;
  readonly label: string;
  readonly layoutJson: string;
  /** A signed example entry of the layout (it validates and verifies as it is). */
  readonly entryJson: string;
}

export const LAYOUT_TEMPLATES: readonly LayoutTemplate[] = [
  { id: 'release-record', label: 'release-record 0.0.1 — minisign over the digest', layoutJson: releaseRecordLayout, entryJson: releaseRecordEntry },
  { id: 'build-provenance', label: 'build-provenance 0.0.1 — ECDSA P-256 over the statement', layoutJson: buildProvenanceLayout, entryJson: buildProvenanceEntry },
  { id: 'sbom-attestation', label: 'sbom-attestation 0.0.1 — Ed25519 over the statement', layoutJson: sbomAttestationLayout, entryJson: sbomAttestationEntry },
  { id: 'identity-record', label: 'identity-record 0.0.1 — salted email hash, P-256 r‖s', layoutJson: identityRecordLayout, entryJson: identityRecordEntry },
];

/** Returns an empty proposed entry of a layout document's kind and version (from whatever it names so far). */
export function skeletonEntryJson(layoutDoc: unknown): string {
  const doc = typeof layoutDoc === 'object' && layoutDoc !== null ? (layoutDoc as Record<string, unknown>) : {};
  const apiVersion = typeof doc['version'] === 'string' ? doc['version'] : '0.0.1';
  const kind = typeof doc['kind'] === 'string' ? doc['kind'] : '';
  return `${JSON.stringify({ apiVersion, kind, spec: {} }, null, 2)}\n`;
}
