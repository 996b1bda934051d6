import { drfFieldErrors, renderDrfError } from '../../../src/common/filters/drf-errors';
import { renderFastApiError } from '../../../src/common/filters/fastapi-errors';

describe('error renderers', () => {
  const issues = [
    { type: 'missing', loc: ['body', 'score'], msg: 'Field required', input: {}, drfMsg: 'This field is required.' },
    {
      type: 'float_type',
      loc: ['body', 'secondary', 'x'],
      msg: 'Input should be a valid number',
      input: 'a',
      drfMsg: 'A valid number is required.',
    },
    { type: 'model_attributes_type', loc: ['body'], msg: 'Input should be a valid dictionary', input: 1 },
  ];

  it('FastAPI: 422 with the issues as they are', () => {
    expect(renderFastApiError({ kind: 'validation', issues })).toEqual({
      status: 422,
      body: {
        detail: [
          { type: 'missing', loc: ['body', 'score'], msg: 'Field required', input: {} },
          { type: 'float_type', loc: ['body', 'secondary', 'x'], msg: 'Input should be a valid number', input: 'a' },
          { type: 'model_attributes_type', loc: ['body'], msg: 'Input should be a valid dictionary', input: 1 },
        ],
      },
    });
  });

  it('DRF: 400 keyed and nested by field, root problems as non_field_errors', () => {
    expect(drfFieldErrors(issues)).toEqual({
      score: ['This field is required.'],
      secondary: { x: ['A valid number is required.'] },
      non_field_errors: ['Input should be a valid dictionary'],
    });
    expect(renderDrfError({ kind: 'rule', status: 400, message: 'Provide either evaluator_id or evaluator_slug.' })).toEqual({
      status: 400,
      body: { error: 'Provide either evaluator_id or evaluator_slug.' },
    });
  });

  it('never shows internals of an unexpected error', () => {
    expect(renderFastApiError({ kind: 'internal' })).toEqual({ status: 500, body: { detail: 'Internal Server Error' } });
    expect(renderDrfError({ kind: 'internal' })).toEqual({ status: 500, body: { detail: 'A server error occurred.' } });
  });

  it('adds Retry-After to 429s and WWW-Authenticate to 401s', () => {
    expect(renderDrfError({ kind: 'throttled', retryAfterSeconds: 2.2 }).headers).toEqual({ 'retry-after': '3' });
    expect(renderFastApiError({ kind: 'unauthenticated', reason: 'missing', challenge: 'Bearer' })).toEqual({
      status: 401,
      body: { detail: 'Not authenticated' },
      headers: { 'www-authenticate': 'Bearer' },
    });
  });

  it('nests a document key problem under its key in DRF, FastAPI keeps the location', () => {
    const issue = {
      type: 'string_unicode',
      loc: ['body', 'inputs', 'a\u0000', '[key]'],
      msg: 'Input should be a valid string, unable to parse raw data as a unicode string',
      input: 'a\u0000',
      drfMsg: 'Null characters and unpaired surrogates are not allowed.',
    };
    expect(drfFieldErrors([issue])).toEqual({
      inputs: { 'a\u0000': { '[key]': ['Null characters and unpaired surrogates are not allowed.'] } },
    });
    expect(renderFastApiError({ kind: 'validation', issues: [issue] }).body).toEqual({
      detail: [{ type: 'string_unicode', loc: issue.loc, msg: issue.msg, input: 'a\u0000' }],
    });
  });

  it('answers a body in a media type the route does not read: 415 in DRF, a 422 body error in FastAPI', () => {
    expect(renderDrfError({ kind: 'unsupported_media_type', contentType: 'text/plain' })).toEqual({
      status: 415,
      body: { detail: 'Unsupported media type "text/plain" in request.' },
    });
    expect(renderFastApiError({ kind: 'unsupported_media_type', contentType: 'text/plain' })).toEqual({
      status: 422,
      body: {
        detail: [
          {
            type: 'model_attributes_type',
            loc: ['body'],
            msg: 'Input should be a valid dictionary or object to extract fields from',
            input: null,
          },
        ],
      },
    });
  });
});
