import fastifyMultipart from '@fastify/multipart';
import { UnsupportedMediaTypeException, applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiConsumes } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { RuleViolationException } from '../errors/api-exceptions';

const MULTIPART_TYPE = /^multipart\/form-data\b/i;

/** Marks a route that reads a `multipart/form-data` body (the only routes that accept one). */
export const MultipartRoute = () => applyDecorators(RouteConfig({ multipart: true }), ApiConsumes('multipart/form-data'));

/**
 * Registers @fastify/multipart. Its parser only flags a request as multipart (the body stays unread until
 * a route asks for its parts); a multipart body sent to any route not marked with `MultipartRoute` is
 * refused before it is read, like any other body the route does not take.
 */
export async function useMultipart(app: NestFastifyApplication, maxFieldBytes: number): Promise<void> {
  await app.register(fastifyMultipart as never, {
    limits: { fieldSize: maxFieldBytes, fields: 20, files: 1, parts: 25, headerPairs: 100 },
    throwFileSizeLimit: false,
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request: FastifyRequest, _reply: unknown, done: (error?: Error) => void) => {
      const contentType = request.headers['content-type'] ?? '';
      const accepts = (request.routeOptions.config as { multipart?: boolean } | undefined)?.multipart === true;
      // (An unknown route stays a 404.)
      done(MULTIPART_TYPE.test(contentType) && !accepts && !request.is404 ? new UnsupportedMediaTypeException() : undefined);
    });
}

/** An uploaded file: at most `maxBytes` of it are kept; `truncated` says there was more. */
export interface UploadedFile {
  filename: string;
  content: Buffer;
  truncated: boolean;
}

/** The parts of a multipart body: text fields (each name may repeat) and files. */
export interface MultipartForm {
  fields: Map<string, string[]>;
  files: Map<string, UploadedFile>;
}

interface Part {
  type: 'file' | 'field';
  fieldname: string;
  filename?: string;
  value?: unknown;
  file?: AsyncIterable<Buffer> & { truncated?: boolean };
}

type MultipartRequest = FastifyRequest & {
  isMultipart(): boolean;
  parts(options: { limits: { fileSize: number } }): AsyncIterable<Part>;
};

/** Reads a multipart body; a request that is not multipart has no parts. Malformed bodies are a 400. */
export async function readMultipart(request: FastifyRequest, maxFileBytes: number): Promise<MultipartForm> {
  const form: MultipartForm = { fields: new Map(), files: new Map() };
  const multipart = request as MultipartRequest;
  if (!multipart.isMultipart()) return form;
  try {
    for await (const part of multipart.parts({ limits: { fileSize: maxFileBytes } })) {
      if (part.type === 'file') {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file!) chunks.push(chunk);
        form.files.set(part.fieldname, {
          filename: part.filename ?? '',
          content: Buffer.concat(chunks),
          truncated: part.file!.truncated === true,
        });
      } else {
        const value = typeof part.value === 'string' ? part.value : JSON.stringify(part.value);
        form.fields.set(part.fieldname, [...(form.fields.get(part.fieldname) ?? []), value]);
      }
    }
  } catch (error) {
    if (typeof (error as { code?: unknown }).code === 'string' && (error as { code: string }).code.startsWith('FST_')) throw error;
    throw new RuleViolationException('There was an error parsing the body', 400);
  }
  return form;
}
