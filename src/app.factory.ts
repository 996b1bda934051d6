import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppModuleOptions } from './app.module';
import { ServiceUnavailableException } from './common/errors/api-exceptions';
import { RouteFamilyExceptionFilter } from './common/filters/route-family-exception.filter';
import { answerClientError } from './common/http/client-errors';
import { canonicalGalileoUrl } from './common/http/galileo-aliases';
import { useMultipart } from './common/http/multipart';
import { canonicalRespanUrl } from './common/http/respan-aliases';
import { parseJsonBody } from './common/http/json-body.parser';
import { REQUEST_ID_HEADER, requestIdFor } from './common/http/request-id';
import { MediaTypeGuard } from './common/http/media-type.guard';
import { useSecurityHeaders } from './common/http/security-headers';
import { RequestValidationPipe } from './common/pipes/request-validation.pipe';
import type { AppConfig } from './config/app-config';
import { serveApiDocuments } from './openapi/swagger-setup';

function createAdapter(config: AppConfig): FastifyAdapter {
  const routeFamilyErrors = new RouteFamilyExceptionFilter();
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: requestIdFor,
    rewriteUrl: (request: IncomingMessage) => canonicalRespanUrl(request.method, canonicalGalileoUrl(request.url ?? '/')),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 512 },
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.requestTimeoutMs,
    // Slow clients: headers must arrive within 10 s (or the request timeout, if shorter), checked every second.
    http: { headersTimeout: Math.min(config.requestTimeoutMs, 10_000), connectionsCheckingInterval: 1000 },
    keepAliveTimeout: 65_000,
    return503OnClosing: false,
    clientErrorHandler: answerClientError,
    // The router refuses malformed URLs and over-long parameters before any hook runs.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      void reply.header(REQUEST_ID_HEADER, request.id);
      routeFamilyErrors.reply(error, request, reply);
    },
    forceCloseConnections: 'idle',
    logger: false,
  });
  let closing = false;
  adapter.getInstance().addHook('preClose', (done: () => void) => {
    closing = true;
    done();
  });
  adapter.getInstance().addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    (request.raw as { id?: string }).id = request.id;
    void reply.header(REQUEST_ID_HEADER, request.id);
    if (!closing) return done();
    // Shutting down: a request arriving now (on a kept-alive connection) is refused before doing anything.
    routeFamilyErrors.reply(new ServiceUnavailableException('The server is shutting down; retry shortly.'), request, reply);
  });
  return adapter;
}

/** Builds the HTTP application (used by `main.ts` and by the tests), ready to listen. */
export async function createApp(config: AppConfig, options: AppModuleOptions = {}): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options), createAdapter(config), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  useSecurityHeaders(app);
  await useMultipart(app, config.bodyLimitBytes);
  app.useBodyParser('application/json', { bodyLimit: config.bodyLimitBytes }, async (_request: unknown, body: Buffer) =>
    parseJsonBody(body),
  );
  app.useGlobalPipes(new RequestValidationPipe());
  // After the global per-address limit (an APP_GUARD, registered when the application was created).
  app.useGlobalGuards(new MediaTypeGuard());
  app.useGlobalFilters(new RouteFamilyExceptionFilter());
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: config.corsOrigins.includes('*') ? true : config.corsOrigins, credentials: false });
  }
  serveApiDocuments(app);
  await app.init();
  return app;
}
