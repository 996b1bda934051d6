import type { OpenAPIObject } from '@nestjs/swagger';
import { generateOpenApiDocument } from '../../src/openapi/offline-document';
import { openApiOfSeed, referencedSchemas, sortKeys, withTokenPath } from './openapi-helpers';

const PATH = '/v2/scorers/{scorer_id}/versions/{version_number}/health-scores';

/** Seed 000: the generated health-score write must equal Galileo's published operation (contract §6). */
describe('contract: seed 000, Write Scorer Version Health Score', () => {
  const seed = openApiOfSeed('galileo-seed-000-write-health-score.txt');
  let generated: OpenAPIObject;

  beforeAll(async () => {
    generated = await generateOpenApiDocument();
  });

  it('generates the operation exactly (operationId, summary, description, tags, parameters, body, responses, security)', () => {
    expect(sortKeys(generated.paths[PATH].post)).toEqual(sortKeys(seed.paths[PATH].post));
  });

  it('generates every schema the operation references exactly', () => {
    const names = referencedSchemas(seed, seed.paths[PATH].post);
    expect(names).toEqual(['HTTPValidationError', 'ScorerVersionHealthScoreEntry', 'ValidationError', 'WriteHealthScoreRequest']);
    expect(referencedSchemas(generated as never, generated.paths[PATH].post)).toEqual(names);
    for (const name of names)
      expect({ [name]: sortKeys(generated.components!.schemas![name]) }).toEqual({ [name]: sortKeys(seed.components.schemas[name]) });
  });

  it('declares the security schemes of the seed (token URL compared by path)', () => {
    for (const [name, scheme] of Object.entries(seed.components.securitySchemes as Record<string, Record<string, unknown>>)) {
      expect({ [name]: withTokenPath(generated.components!.securitySchemes![name] as never) }).toEqual({ [name]: withTokenPath(scheme) });
    }
  });
});
