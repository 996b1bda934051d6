import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from 'helmet';

/**
 * Helmet's security headers on every response. The content security policy is strict but lets the
 * Swagger UI (`/docs`: its own scripts, inline styles, data: images) work; HSTS is left to the
 * proxy that terminates TLS. Helmet's middleware is built once (`@fastify/helmet` rebuilds it, CSP
 * parsing included, on every request).
 */
export function useSecurityHeaders(app: NestFastifyApplication): void {
  const setHeaders = helmet({
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
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) =>
      setHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)),
    );
}
