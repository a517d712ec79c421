import type { AddRemoteInputDto, InputProblem, RemoteTypeDto } from '../../../../shared/api/index.js';

/** Returns the input the form describes (empty optional fields left out). */
export function addRemoteInput(fields: { name: string; type: RemoteTypeDto; url: string; key: string; origin: string }): AddRemoteInputDto {
  const origin = fields.origin.trim();
  return { name: fields.name.trim(), type: fields.type, url: fields.url.trim(), key: fields.key.trim(), ...(origin === '' ? {} : { origin }) };
}

/** Returns the problems of each field (by JSON Pointer `/name`, `/url`, …), checked with the engine's own schema. */
export function problemsByField(problems: readonly InputProblem[]): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const p of problems) if (!out.has(p.pointer)) out.set(p.pointer, p.message);
  return out;
}
