import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from 'helmet';

/**
 * Helmet's security headers on every response. The content security policy is strict but lets the
 * Swagger UI (`/docs`: its own scripts, inline styles, data: images) work; HSTS is left to the
 * proxy that terminates TLS.
 */
export const securityHeadersMiddleware = () =>
  helmet({
    strictTransportSecurity: false,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    xFrameOptions: { action: 'deny' },
  });

type HeaderChange = { set: string; value: string | number | readonly string[] } | { remove: string };

/**
 * What Helmet's middleware does to a response, recorded once: with these options (no nonce, no
 * directive computed from the request) it sets the same headers on every response, and running it
 * per request rebuilt the policy's text each time.
 */
export function recordedSecurityHeaders(): HeaderChange[] {
  const changes: HeaderChange[] = [];
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => void changes.push({ set: name, value }),
    removeHeader: (name: string) => void changes.push({ remove: name }),
  };
  securityHeadersMiddleware()({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return changes;
}

export function useSecurityHeaders(app: NestFastifyApplication): void {
  const changes = recordedSecurityHeaders();
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      for (const change of changes) {
        if ('set' in change) reply.raw.setHeader(change.set, change.value);
        else reply.raw.removeHeader(change.remove);
      }
      done();
    });
}
