import { canonicalGalileoUrl } from '../../../src/common/http/galileo-aliases';
import { canonicalRespanUrl } from '../../../src/common/http/respan-aliases';

describe('the URLs vendor SDKs call, routed to the canonical ones', () => {
  it.each([
    ['/projects?project_name=default&type=gen_ai', '/v2/projects?project_name=default&type=gen_ai'],
    ['/public/v2/projects/abc/log_streams', '/v2/projects/abc/log_streams'],
    ['/v2/projects/abc/runs/def/scorer-settings', '/v2/projects/abc/runs/def/scorer-settings'],
    ['/current_user', '/v2/current_user'],
    ['/public/v2/current_user', '/v2/current_user'],
    ['/projectsx', '/projectsx'],
  ])('Galileo %s → %s', (url, canonical) => {
    expect(canonicalGalileoUrl(url)).toBe(canonical);
  });

  it.each([
    ['GET', '/evaluators/', '/api/evaluators/'],
    ['GET', '/evaluators', '/api/evaluators'],
    ['GET', '/evaluators/abc?x=1', '/api/evaluators/abc?x=1'],
    ['HEAD', '/evaluators/abc', '/api/evaluators/abc'],
    ['POST', '/evaluators/', '/evaluators/'],
    ['DELETE', '/evaluators/abc', '/evaluators/abc'],
    ['GET', '/evaluatorsx', '/evaluatorsx'],
    ['GET', '/api/evaluators/', '/api/evaluators/'],
  ])('Respan %s %s → %s', (method, url, canonical) => {
    expect(canonicalRespanUrl(method, url)).toBe(canonical);
  });
});
