/** Writes a role pointer picked in the schema tree into a layout document (a fresh copy). */

export type RoleAssignment =
  | { readonly role: 'digest' | 'signature' | 'publicKey'; readonly pointer: string }
  | { readonly role: 'extraData'; readonly pointer: string }
  | { readonly role: 'index'; readonly name: string; readonly pointer: string };

export type MainRole = 'digest' | 'signature' | 'publicKey';

/** What a new role gets besides its pointer when the layout has none yet (the user then adjusts it). */
const DEFAULTS: Readonly<Record<MainRole, Record<string, string>>> = {
  digest: { algorithm: 'sha256' },
  signature: { format: 'ed25519', signs: 'statement' },
  publicKey: { format: 'pem-spki' },
};

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns a suggested index name for a pointer: its last token, lowercased, in the index name alphabet. */
export function indexNameFor(pointer: string): string {
  const last = pointer.split('/').pop() ?? '';
  const name = last.replace(/~1/g, '-').replace(/~0/g, '-').toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z]+/, '').slice(0, 64);
  return name === '' ? 'field' : name;
}

/**
 * Returns a copy of the layout document with the assignment applied: a main role's pointer is
 * replaced (its algorithm or format kept, defaults added when the role is new); an extra-data
 * pointer is added once; an index field is set under its name. A document that is not an object
 * is returned unchanged (the editor shows why it does not parse).
 */
export function assignRole(layoutDoc: unknown, assignment: RoleAssignment): unknown {
  if (!isObject(layoutDoc)) return layoutDoc;
  const doc: Json = JSON.parse(JSON.stringify(layoutDoc)) as Json;
  const roles: Json = isObject(doc['roles']) ? doc['roles'] : {};
  switch (assignment.role) {
    case 'digest':
    case 'signature':
    case 'publicKey': {
      const current = isObject(roles[assignment.role]) ? (roles[assignment.role] as Json) : DEFAULTS[assignment.role];
      roles[assignment.role] = { ...current, pointer: assignment.pointer };
      doc['roles'] = roles;
      break;
    }
    case 'extraData': {
      const list = Array.isArray(roles['extraData']) ? (roles['extraData'] as unknown[]) : [];
      if (!list.includes(assignment.pointer)) roles['extraData'] = [...list, assignment.pointer];
      doc['roles'] = roles;
      break;
    }
    case 'index': {
      const index: Json = isObject(doc['index']) ? doc['index'] : {};
      index[assignment.name] = assignment.pointer;
      doc['index'] = index;
      break;
    }
  }
  return doc;
}

/** Returns which roles a pointer has in a layout document (for the schema tree's marks). */
export function rolesOfPointer(layoutDoc: unknown, pointer: string): string[] {
  if (!isObject(layoutDoc)) return [];
  const out: string[] = [];
  const roles = isObject(layoutDoc['roles']) ? layoutDoc['roles'] : {};
  for (const role of ['digest', 'signature', 'publicKey'] as const) {
    const r = roles[role];
    if (isObject(r) && r['pointer'] === pointer) out.push(role);
  }
  if (Array.isArray(roles['extraData']) && roles['extraData'].includes(pointer)) out.push('extra data');
  if (isObject(layoutDoc['index'])) for (const [name, p] of Object.entries(layoutDoc['index'])) if (p === pointer) out.push(`index ${name}`);
  return out;
}

/** A role's setting besides its pointer: the digest algorithm, a format, or what the signature signs. */
export type RoleOption = { readonly role: 'digest'; readonly member: 'algorithm' } | { readonly role: 'signature'; readonly member: 'format' | 'signs' } | { readonly role: 'publicKey'; readonly member: 'format' };

/** Returns the current value of a role's setting, or '' when the layout has none. */
export function roleOptionValue(layoutDoc: unknown, option: RoleOption): string {
  const roles = isObject(layoutDoc) && isObject(layoutDoc['roles']) ? layoutDoc['roles'] : {};
  const role = roles[option.role];
  const value = isObject(role) ? role[option.member] : undefined;
  return typeof value === 'string' ? value : '';
}

/** Returns a copy of the layout with a role's setting changed (the role is created with its defaults when absent). */
export function setRoleOption(layoutDoc: unknown, option: RoleOption, value: string): unknown {
  if (!isObject(layoutDoc)) return layoutDoc;
  const doc: Json = JSON.parse(JSON.stringify(layoutDoc)) as Json;
  const roles: Json = isObject(doc['roles']) ? doc['roles'] : {};
  const current = isObject(roles[option.role]) ? (roles[option.role] as Json) : { ...DEFAULTS[option.role], pointer: '' };
  roles[option.role] = { ...current, [option.member]: value };
  doc['roles'] = roles;
  return doc;
}
