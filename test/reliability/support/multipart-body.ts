import { toJsonText } from './json-text';
import type { Components } from './schema-arbitrary';

const BOUNDARY = 'scorekeeper-reliability-boundary';
export const MULTIPART_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** The parts of a field as bytes: a string as UTF-8, a list as repeated parts, anything else as its JSON text. */
function bytesOf(value: unknown): Buffer[] {
  if (Buffer.isBuffer(value)) return [value];
  if (Array.isArray(value)) return value.flatMap(bytesOf);
  return [Buffer.from(typeof value === 'string' ? value : toJsonText(value), 'utf8')];
}

/**
 * A `multipart/form-data` body: each field a part (a Buffer sent as its bytes, so that a client's invalid
 * UTF-8 can be sent too); the fields named in `files` as file parts.
 */
export function multipartBody(fields: Record<string, unknown>, files: ReadonlySet<string>): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    for (const bytes of bytesOf(value)) {
      const disposition = files.has(name)
        ? `form-data; name="${name}"; filename="${name}.py"\r\nContent-Type: application/octet-stream`
        : `form-data; name="${name}"`;
      parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n\r\n`), bytes, Buffer.from('\r\n'));
    }
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}

/** The fields of a form schema that are files (`contentMediaType`, as FastAPI documents `UploadFile`). */
export function fileFieldsOf(schema: Record<string, any> | undefined, components: Components): Set<string> {
  const resolved = schema?.$ref ? components[schema.$ref.split('/').pop()] : schema;
  return new Set(
    Object.entries<Record<string, any>>(resolved?.properties ?? {})
      .filter(([, property]) => property.contentMediaType !== undefined)
      .map(([name]) => name),
  );
}

/** The bytes a percent-encoded text stands for (`%ED%A0%80` stays the invalid UTF-8 it is). */
export function percentBytes(encoded: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    if (encoded[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(encoded.slice(i + 1, i + 3))) {
      bytes.push(parseInt(encoded.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(encoded[i], 'utf8'));
  }
  return Buffer.from(bytes);
}
