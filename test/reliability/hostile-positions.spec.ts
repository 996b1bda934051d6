import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApp } from '../support/test-app';
import { baselineBodies } from './support/baselines';
import { DATABASES, startOn } from './support/both-databases';
import { dialectViolation, familyOf } from './support/dialects';
import { recordFigures } from './support/figures';
import { type Owned, createOwned } from './support/fixtures';
import { type FuzzRequest, type Operation, operationsOf } from './support/fuzz-requests';
import { HOSTILE_CLASSES, type HostileClass } from './support/hostile-values';
import { type HttpResult, failureOf, keepAlive, send } from './support/http';
import { baselineRequest, positionRequests } from './support/position-requests';
import { type ReadBackContext, verifyReadBack } from './support/read-back';

const DOCUMENT = JSON.parse(readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8'));
const OPERATIONS = operationsOf(DOCUMENT);
const SCHEMAS = DOCUMENT.components.schemas;
/** Failures listed in full per operation (the figures count them all). */
const SHOWN = 25;

interface ClassFigures {
  tried: number;
  accepted: number;
  refused: number;
  serverErrors: number;
  altered: number;
}

const nameOf = (operation: Operation) => `${operation.method.toUpperCase()} ${operation.template}`;

/**
 * Contract §10, position by position: every string, number and free-form position of every operation's
 * schema (path and query parameters, form fields, body properties at any depth, the keys and leaves of
 * free-form objects and number maps) receives each hostile value — NUL, lone surrogates, a leading BOM,
 * 100 kB strings, integers beyond ±2^53, `__proto__`/`constructor` keys, 5,000 levels of nesting — in an
 * otherwise accepted request. Never a 5xx; every refusal in the route's dialect; whatever is accepted reads
 * back exactly as sent.
 */
describe.each(DATABASES)('hostile values at every position of every operation, on %s', (database) => {
  const agent = keepAlive(4);
  let t: TestApp;
  let a: Owned;
  let baselines: ReturnType<typeof baselineBodies>;
  const figures = Object.fromEntries(
    HOSTILE_CLASSES.map((hostileClass) => [hostileClass, { tried: 0, accepted: 0, refused: 0, serverErrors: 0, altered: 0 }]),
  ) as Record<HostileClass, ClassFigures>;
  /** Where each failure happened (`class | operation position` → count), for test/artifacts/reliability. */
  const serverErrorsAt: Record<string, number> = {};
  const alteredAt: Record<string, number> = {};
  const note = (tally: Record<string, number>, key: string) => (tally[key] = (tally[key] ?? 0) + 1);

  beforeAll(async () => {
    t = await startOn(database, { DATABASE_TIMEOUT_MS: '10000' });
    a = await createOwned(t, 'positions');
    baselines = baselineBodies(a);
  });
  afterAll(async () => {
    for (const hostileClass of HOSTILE_CLASSES)
      recordFigures('hostile-positions', `${hostileClass} on ${database}`, { ...figures[hostileClass] });
    recordFigures('hostile-positions', `where on ${database}`, { serverErrorsAt, alteredAt });
    agent.destroy();
    await t?.close();
  });

  const call = async (request: Pick<FuzzRequest, 'method' | 'path' | 'headers' | 'body'>): Promise<HttpResult> => {
    try {
      return await send(t.baseUrl, { ...request, agent, timeoutMs: 60_000 });
    } catch (error) {
      throw new Error(`${request.method.toUpperCase()} ${request.path.slice(0, 200)}: no response (${failureOf(error)})`, { cause: error });
    }
  };
  const readBackContext = (): ReadBackContext => ({
    call,
    headersOf: () => a.tenant.bearerKey,
    userOf: () => a.tenant.userId,
    schemas: SCHEMAS,
  });

  it('has a baseline, accepted as it is and read back exactly, for every operation with a body', async () => {
    const withBody = OPERATIONS.filter((operation) => operation.body);
    expect(withBody.map(nameOf).filter((name) => !baselines[name])).toEqual([]);
    const problems: string[] = [];
    for (const operation of withBody) {
      const baseline = baselineRequest(operation, a, baselines[nameOf(operation)](), SCHEMAS);
      const res = await call(baseline);
      if (res.status >= 300) {
        problems.push(`${nameOf(operation)} → ${res.status} ${res.text.slice(0, 300)}`);
        continue;
      }
      const { problem } = await verifyReadBack(readBackContext(), operation, baseline, res);
      if (problem) problems.push(`${nameOf(operation)}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(OPERATIONS.map((operation) => [nameOf(operation), operation] as const))('%s', async (name, operation) => {
    const failures: string[] = [];
    for (const { hostileClass, position, request } of positionRequests(operation, SCHEMAS, a, baselines[name])) {
      const counted = figures[hostileClass];
      counted.tried++;
      const res = await call(request);
      const where = `[${hostileClass}] ${position}: ${request.method.toUpperCase()} ${request.path.slice(0, 120)} → ${res.status} ${res.text.slice(0, 200)}`;
      if (res.status >= 500) {
        counted.serverErrors++;
        note(serverErrorsAt, `${hostileClass} | ${name} ${position}`);
        failures.push(`server error ${where}`);
        continue;
      }
      const violation = dialectViolation(familyOf(request.path), res);
      if (violation) failures.push(`${violation}: ${where}`);
      if (res.status >= 300) {
        counted.refused++;
        continue;
      }
      counted.accepted++;
      const { problem } = await verifyReadBack(readBackContext(), operation, request, res);
      if (problem) {
        counted.altered++;
        note(alteredAt, `${hostileClass} | ${name} ${position}`);
        failures.push(`altered ${where}\n${problem}`);
      }
    }
    const shown = failures.slice(0, SHOWN).join('\n\n');
    expect(failures.length ? `${failures.length} failures; the first ${Math.min(SHOWN, failures.length)}:\n\n${shown}` : 'none').toBe(
      'none',
    );
  });
});
