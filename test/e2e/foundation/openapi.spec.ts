import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { parse } from 'yaml';
import { buildOpenApiDocument } from '../../../src/openapi/openapi-document';
import { OPENAPI_FILE, serializeDocument } from '../../../src/openapi/export-openapi';
import { type TestApp, startTestApp } from '../../support/test-app';

describe('OpenAPI document', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is served as JSON and YAML, and they agree', async () => {
    const json = await t.http.get('/openapi.json');
    expect(json.status).toBe(200);
    expect(json.body.openapi).toBe('3.1.0');
    const yaml = await t.http.get('/openapi.yaml');
    expect(yaml.status).toBe(200);
    expect(parse(yaml.text)).toEqual(json.body);
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const { body } = await t.http.get('/openapi.json');
    const result = await new Validator().validate(body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('declares the security schemes of both dialects', async () => {
    const { body } = await t.http.get('/openapi.json');
    expect(body.components.securitySchemes).toEqual({
      APIKeyHeader: { type: 'apiKey', in: 'header', name: 'Galileo-API-Key' },
      OAuth2PasswordBearer: { type: 'oauth2', flows: { password: { scopes: {}, tokenUrl: '/login' } } },
      HTTPBasic: { type: 'http', scheme: 'basic' },
      respanApiKey: { type: 'http', scheme: 'bearer', description: expect.any(String) },
      dashboardJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: expect.any(String) },
    });
  });

  it('serves Swagger UI at /docs', async () => {
    const res = await t.http.get('/docs');
    expect(res.status).toBe(200);
    expect(res.text).toContain('swagger-ui');
  });

  it('matches the committed openapi.json (run `npm run openapi:export` after changing the API)', () => {
    const committed = readFileSync(OPENAPI_FILE, 'utf8');
    expect(serializeDocument(buildOpenApiDocument(t.app))).toBe(committed);
  });

  it('lists neither the Galileo aliases nor the health probes', async () => {
    const { body } = await t.http.get('/openapi.json');
    const paths = Object.keys(body.paths);
    expect(paths.some((path) => path.startsWith('/public/'))).toBe(false);
    expect(paths.some((path) => path.startsWith('/scorers') || path.startsWith('/health/'))).toBe(false);
    expect(paths).toEqual(expect.arrayContaining(['/healthcheck', '/login', '/login/api_key']));
  });
});
