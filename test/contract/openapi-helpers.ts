import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const VENDOR = join(__dirname, 'vendor');

export const readVendor = (file: string) => readFileSync(join(VENDOR, file), 'utf8');

/** The OpenAPI YAML block of a documentation page (between ````yaml and ````). */
export function openApiOfSeed(file: string): Record<string, any> {
  const text = readVendor(file);
  const block = text.split('````yaml')[1]?.split('````')[0];
  if (!block) throw new Error(`no OpenAPI block in ${file}`);
  return parse(block.slice(block.indexOf('\n') + 1));
}

/** Deep copy with object keys sorted: documents compare equal whatever their key order. */
export function sortKeys(value: Json | unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** Names of the component schemas an object refers to, followed transitively. */
export function referencedSchemas(document: Record<string, any>, root: unknown): string[] {
  const found = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
        const name = value.slice('#/components/schemas/'.length);
        if (!found.has(name)) {
          found.add(name);
          visit(document.components?.schemas?.[name]);
        }
      } else visit(value);
    }
  };
  visit(root);
  return [...found].sort();
}

/** A security scheme with only the path of its OAuth2 token URL (the host may differ, contract §6). */
export function withTokenPath(scheme: Record<string, any>): Record<string, any> {
  const tokenUrl = scheme.flows?.password?.tokenUrl;
  if (!tokenUrl) return scheme;
  return {
    ...scheme,
    flows: { ...scheme.flows, password: { ...scheme.flows.password, tokenUrl: new URL(tokenUrl, 'http://host').pathname } },
  };
}
