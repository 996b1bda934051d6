import fastifyMultipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiConsumes } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { RuleViolationException } from '../errors/api-exceptions';

/**
 * Marks a route that reads a `multipart/form-data` body: the media type it documents, and so the only
 * kind of route the media-type check lets a multipart body reach.
 */
export const MultipartRoute = () => ApiConsumes('multipart/form-data');

/**
 * Registers @fastify/multipart. Its parser only flags a request as multipart (the body stays unread until
 * a route asks for its parts); a multipart body sent to a route that does not take one is refused by
 * `RouteMediaTypeGuard`, after authentication, like any other body the route does not take.
 */
export async function useMultipart(app: NestFastifyApplication, maxFieldBytes: number): Promise<void> {
  await app.register(fastifyMultipart as never, {
    limits: { fieldSize: maxFieldBytes, fields: 20, files: 1, parts: 25, headerPairs: 100 },
    throwFileSizeLimit: false,
  });
}

/** Whether @fastify/multipart flagged the request as multipart (its body then stays unread). */
export const isMultipartRequest = (request: FastifyRequest): boolean =>
  (request as Partial<Pick<MultipartRequest, 'isMultipart'>>).isMultipart?.() === true;

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
