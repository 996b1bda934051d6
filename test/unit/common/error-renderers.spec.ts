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
});
