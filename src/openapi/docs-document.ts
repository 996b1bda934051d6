import type { OpenAPIObject } from '@nestjs/swagger';
import { DOCS_TAGS, OPERATION_GUIDE } from './operation-guide';
import { SECURITY } from '../common/openapi/security-schemes';

/** The one entry of the Authorize dialog that works on every route: `Authorization: Bearer <API key or JWT>`. */
export const DOCS_BEARER_SCHEME = 'apiKeyOrJwt';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Texts of the Authorize dialog, in Markdown that shows `<API key>` instead of taking it for HTML. */
const SCHEME_DESCRIPTIONS: Record<string, string> = {
  [DOCS_BEARER_SCHEME]:
    'Works on every route (both families): paste an API key, or a JWT from `/login`; requests send `Authorization: Bearer <API key or JWT>`.',
  [SECURITY.galileoApiKey]: 'Galileo routes only: requests send `Galileo-API-Key: <API key>`.',
  [SECURITY.galileoOAuth2]: 'Galileo routes: signs in with an e-mail address and password at `/login` and sends the JWT.',
  [SECURITY.galileoBasic]: 'Galileo routes: `Authorization: Basic base64(email:password)`.',
  [SECURITY.respanApiKey]: 'Respan routes only: requests send `Authorization: Bearer <API key>`.',
  [SECURITY.respanJwt]: 'Respan routes only: a JWT from `/login`, sent as `Authorization: Bearer <JWT>`.',
};

type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;

const operationsOf = (document: OpenAPIObject): OperationObject[] =>
  Object.values(document.paths).flatMap((item) => METHODS.flatMap((method) => item[method] ?? []));

/**
 * The copy of the API document that `/docs` shows: each operation once, under its resource, with a
 * sentence on what it does here (the vendor's own text after it); one bearer entry first in the
 * Authorize dialog that authorizes every authenticated operation. `/openapi.json` is not changed.
 */
export function docsDocument(original: OpenAPIObject): OpenAPIObject {
  const document = structuredClone(original);
  for (const operation of operationsOf(document)) {
    const guide = operation.operationId ? OPERATION_GUIDE[operation.operationId] : undefined;
    if (guide) {
      operation.tags = [guide.tag];
      const own = operation.description?.trim();
      operation.description = own && own !== guide.description ? `${guide.description}\n\n${own}` : guide.description;
    }
    if (operation.security?.length) operation.security = [{ [DOCS_BEARER_SCHEME]: [] }, ...operation.security];
  }
  const used = new Set(operationsOf(document).flatMap((operation) => operation.tags ?? []));
  document.tags = DOCS_TAGS.filter((tag) => used.has(tag.name)).map((tag) => ({ ...tag }));
  const schemes = document.components?.securitySchemes ?? {};
  const described = Object.entries(schemes).map(([name, scheme]) => [
    name,
    SCHEME_DESCRIPTIONS[name] ? { ...scheme, description: SCHEME_DESCRIPTIONS[name] } : scheme,
  ]);
  document.components = {
    ...document.components,
    securitySchemes: {
      [DOCS_BEARER_SCHEME]: { type: 'http', scheme: 'bearer', description: SCHEME_DESCRIPTIONS[DOCS_BEARER_SCHEME] },
      ...Object.fromEntries(described),
    },
  };
  return document;
}
