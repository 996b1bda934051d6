import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { recordedSecurityHeaders, securityHeadersMiddleware } from '../../../src/common/http/security-headers';

const response = (): ServerResponse => {
  const res = new ServerResponse(new IncomingMessage(new Socket()));
  res.setHeader('X-Powered-By', 'something');
  return res;
};

describe('the security headers recorded once', () => {
  it('are the headers Helmet sets on a response, in the same order, X-Powered-By removed', () => {
    const byHelmet = response();
    securityHeadersMiddleware()(byHelmet.req, byHelmet, (error?: unknown) => expect(error).toBeUndefined());
    const replayed = response();
    for (const change of recordedSecurityHeaders()) {
      if ('set' in change) replayed.setHeader(change.set, change.value);
      else replayed.removeHeader(change.remove);
    }
    expect(replayed.getHeaderNames()).toEqual(byHelmet.getHeaderNames());
    expect(replayed.getHeaders()).toEqual(byHelmet.getHeaders());
    expect(replayed.getHeader('x-powered-by')).toBeUndefined();
    expect(replayed.getHeader('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(replayed.getHeader('x-frame-options')).toBe('DENY');
  });
});
