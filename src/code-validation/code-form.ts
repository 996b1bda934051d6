import type { Type } from '@nestjs/common';
import { RequestValidationException } from '../common/errors/api-exceptions';
import type { MultipartForm, UploadedFile } from '../common/http/multipart';
import { RequestValidationPipe } from '../common/pipes/request-validation.pipe';

const pipe = new RequestValidationPipe();

/** The file part `name`: a 422 as FastAPI words it when it is missing or sent as a plain field. */
export function formFile(form: MultipartForm, name = 'file'): UploadedFile {
  const file = form.files.get(name);
  if (file) return file;
  const text = form.fields.get(name);
  throw new RequestValidationException([
    text
      ? {
          type: 'value_error',
          loc: ['body', name],
          msg: "Value error, Expected UploadFile, received: <class 'str'>",
          input: text[0].slice(0, 100),
        }
      : { type: 'missing', loc: ['body', name], msg: 'Field required', input: null },
  ]);
}

/** The last value of text field `name`, if sent. */
export function formText(form: MultipartForm, name: string): string | undefined {
  return form.fields.get(name)?.at(-1);
}

/**
 * A list field, sent as repeated parts or as one part holding a JSON list (Galileo's JavaScript SDK).
 * One part reading "None" (Python's `str(None)`, what Galileo's Python SDK sends for "no list") is null.
 */
export function formList(form: MultipartForm, name: string): unknown {
  const values = form.fields.get(name);
  if (!values) return undefined;
  if (values.length > 1) return values;
  const value = values[0];
  if (value === 'None') return null;
  if (!value.trimStart().startsWith('[')) return [value];
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new RequestValidationException([
      { type: 'json_invalid', loc: ['body', name], msg: 'JSON decode error', input: value.slice(0, 100) },
    ]);
  }
}

/** The form's text fields, validated against `metatype` as a JSON body would be. */
export function validatedFields<T>(metatype: Type<T>, plain: Record<string, unknown>): Promise<T> {
  const defined = Object.fromEntries(Object.entries(plain).filter(([, value]) => value !== undefined));
  return pipe.transform(defined, { type: 'body', metatype }) as Promise<T>;
}
