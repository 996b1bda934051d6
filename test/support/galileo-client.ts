import createClient from 'openapi-fetch';
import type { paths } from '../clients/galileo';

/** A typed client generated from the vendored Galileo document, as Galileo's own SDKs would call us. */
export function galileoClient(baseUrl: string, headers: Record<string, string>) {
  return createClient<paths>({ baseUrl, headers });
}

export type GalileoClient = ReturnType<typeof galileoClient>;
