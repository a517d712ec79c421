import type { AddRemoteInputDto, RemoteTypeDto } from '../../../../shared/api/index.js';

/** Returns the input the form describes (empty optional fields left out). */
export function addRemoteInput(fields: { name: string; type: RemoteTypeDto; url: string; key: string; origin: string }): AddRemoteInputDto {
  const origin = fields.origin.trim();
  return { name: fields.name.trim(), type: fields.type, url: fields.url.trim(), key: fields.key.trim(), ...(origin === '' ? {} : { origin }) };
}

