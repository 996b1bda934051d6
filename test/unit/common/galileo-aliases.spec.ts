import { canonicalGalileoUrl } from '../../../src/common/http/galileo-aliases';

describe('canonicalGalileoUrl', () => {
  it.each([
    ['/scorers/abc/versions?x=1', '/v2/scorers/abc/versions?x=1'],
    ['/public/v2/scorers/list', '/v2/scorers/list'],
    ['/users/api_keys', '/v2/users/api_keys'],
    ['/v2/login', '/login'],
    ['/public/v2/login/api_key', '/login/api_key'],
    ['/public/v2/healthcheck', '/healthcheck'],
    ['/v2/scorers', '/v2/scorers'],
    ['/login', '/login'],
    ['/api/scores/', '/api/scores/'],
    ['/docs', '/docs'],
  ])('%s → %s', (url, canonical) => {
    expect(canonicalGalileoUrl(url)).toBe(canonical);
  });
});
