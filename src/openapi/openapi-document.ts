import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ENUM_SCHEMAS, SCHEMA_CLASSES } from '../common/openapi/schema-registry';
import { isRespanPath } from '../common/filters/route-family-exception.filter';
import { PACKAGE_VERSION } from '../common/version';
import { GALILEO_API_KEY_HEADER, SECURITY } from '../common/openapi/security-schemes';

const DESCRIPTION = `Scorekeeper stores the results of LLM evaluations: scorers and their versions, the scores they give
to logged LLM calls, and the health score of a scorer version against a labelled dataset.

* **Galileo dialect** (\`/v2/...\`, \`/login\`): FastAPI semantics. Authorize with an API key
  (\`Galileo-API-Key\`), a JWT from \`/login\` (OAuth2 password flow) or HTTP Basic.
* **Respan dialect** (\`/api/...\`): Django REST Framework semantics. Authorize with
  \`Authorization: Bearer <API key or JWT>\`.`;

/** DRF routes end with a slash (Nest trims it from route paths; the router answers both forms). */
function withDrfTrailingSlashes(document: OpenAPIObject): void {
  document.paths = Object.fromEntries(
    Object.entries(document.paths).map(([path, item]) => [isRespanPath(path) && !path.endsWith('/') ? `${path}/` : path, item]),
  );
}

/** The OpenAPI 3.1 document, generated from the controllers' and DTOs' decorators. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Scorekeeper')
    .setDescription(DESCRIPTION)
    .setVersion(PACKAGE_VERSION)
    .addApiKey({ type: 'apiKey', in: 'header', name: GALILEO_API_KEY_HEADER }, SECURITY.galileoApiKey)
    .addOAuth2({ type: 'oauth2', flows: { password: { scopes: {}, tokenUrl: '/login' } } }, SECURITY.galileoOAuth2)
    .addBasicAuth({ type: 'http', scheme: 'basic' }, SECURITY.galileoBasic)
    .addSecurity(SECURITY.respanApiKey, {
      type: 'http',
      scheme: 'bearer',
      description: 'API key: clients send Authorization: Bearer <API key>.',
    })
    .addSecurity(SECURITY.respanJwt, { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A dashboard JWT (from /login).' })
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [...SCHEMA_CLASSES],
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey}_${methodKey}`,
  });
  const schemas = (document.components ??= {}).schemas ?? (document.components.schemas = {});
  for (const [name, schema] of ENUM_SCHEMAS) schemas[name] = { ...schema, enum: [...schema.enum] };
  withDrfTrailingSlashes(document);
  return document;
}
