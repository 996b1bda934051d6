import { randomUUID } from 'node:crypto';
import type { Agent } from 'node:http';
import { dialectViolation, familyOf } from './dialects';
import { type HttpResult, failureOf, keepAlive, send } from './http';
import { Ledger, type Write } from './ledger';

/** What the load writes with: an API key, a scorer with a version 1, a numerical evaluator. */
export interface LoadFixture {
  apiKey: string;
  scorerId: string;
  evaluatorSlug: string;
}

export interface LoadOptions {
  /** Base URLs; requests go round-robin to them. */
  targets: string[];
  fixture: LoadFixture;
  workers: number;
  /** A request without an answer after this long is a hang (a violation). */
  hangAfterMs: number;
  /** Idempotent creates and log-scoped upserts too (on by default). */
  mix?: Partial<Record<Operation, number>>;
}

type Operation = 'create' | 'idempotent' | 'patch' | 'upsert' | 'health';
const DEFAULT_MIX: Record<Operation, number> = { create: 4, idempotent: 2, patch: 3, upsert: 2, health: 2 };

export interface LoadReport {
  requests: number;
  acknowledged: number;
  /** Responses by status, and failures by error code. */
  outcomes: Record<string, number>;
  /** Longest time any request took to get an answer or fail. */
  slowestMs: number;
  /** 5xx other than 503, answers outside the dialect, unexpected 4xx, hangs. */
  violations: string[];
}

const etagRevision = (res: HttpResult): number | undefined => {
  const match = /"(\d+)"/.exec(String(res.headers.etag ?? ''));
  return match ? Number(match[1]) : undefined;
};

/** A write load of `workers` concurrent clients, keeping a ledger of what was acknowledged. */
export class WriteLoad {
  readonly ledger = new Ledger();
  private readonly agent: Agent;
  private readonly run = randomUUID().slice(0, 8);
  private readonly mix: [Operation, number][];
  private readonly outcomes: Record<string, number> = {};
  private readonly violations: string[] = [];
  private requests = 0;
  private slowestMs = 0;
  private stopping = false;
  private running: Promise<void>[] = [];
  private target = 0;
  /** Called with each answer (tests watch for the first 503, the first success after a fault, …). */
  onResult?: (outcome: string, ms: number) => void;

  constructor(private readonly options: LoadOptions) {
    this.agent = keepAlive(options.workers);
    this.mix = Object.entries({ ...DEFAULT_MIX, ...options.mix }).filter(([, weight]) => weight > 0) as [Operation, number][];
  }

  start(): void {
    this.running = Array.from({ length: this.options.workers }, (_, i) => this.worker(i));
  }

  async stop(): Promise<LoadReport> {
    this.stopping = true;
    await Promise.all(this.running);
    this.agent.destroy();
    return {
      requests: this.requests,
      acknowledged: this.ledger.acknowledged.length,
      outcomes: this.outcomes,
      slowestMs: this.slowestMs,
      violations: this.violations,
    };
  }

  private pick(): Operation {
    const total = this.mix.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = Math.random() * total;
    for (const [operation, weight] of this.mix) if ((roll -= weight) < 0) return operation;
    return this.mix[0][0];
  }

  private async worker(index: number): Promise<void> {
    const scores: string[] = [];
    const keys = new Map<string, unknown>();
    const acked = new Set<string>();
    const logs = Array.from({ length: 3 }, () => `load-${this.run}-${index}-${randomUUID().slice(0, 8)}`);
    let counter = 0;
    while (!this.stopping) {
      const token = `${this.run}-${index}-${counter++}`;
      let operation = this.pick();
      if (operation === 'patch' && scores.length === 0) operation = 'create';
      await this.once(operation, token, scores, keys, logs, acked);
    }
  }

  private async once(
    operation: Operation,
    token: string,
    scores: string[],
    keys: Map<string, unknown>,
    logs: string[],
    acked: Set<string>,
  ): Promise<void> {
    const { fixture } = this.options;
    const bearer = { Authorization: `Bearer ${fixture.apiKey}` };
    const value = (token.length % 10) + 0.5;
    switch (operation) {
      case 'create': {
        const logId = `log-${token}`;
        const res = await this.call(
          'POST',
          '/api/scores/',
          bearer,
          { evaluator_slug: fixture.evaluatorSlug, log_id: logId, numerical_value: value, string_value: token },
          201,
        );
        this.settle(res, { kind: 'score', logId, token }, (body) => {
          scores.push(body.id);
          return { kind: 'score', scoreId: body.id, revision: 1, logId, token };
        });
        return;
      }
      case 'idempotent': {
        const replay = keys.size > 0 && Math.random() < 0.5;
        const key = replay ? [...keys.keys()][Math.floor(Math.random() * keys.size)] : randomUUID();
        const body = keys.get(key) ?? {
          evaluator_slug: fixture.evaluatorSlug,
          log_id: `idem-${key}`,
          numerical_value: value,
          string_value: `idem-${key}`,
        };
        keys.set(key, body);
        const res = await this.call('POST', '/api/scores/', { ...bearer, 'Idempotency-Key': key }, body, 201);
        if (res && res.status === 201) {
          this.ledger.replayed(key, res.body.id);
          if (!acked.has(key))
            this.ledger.ack({ kind: 'score', scoreId: res.body.id, revision: 1, logId: `idem-${key}`, token: `idem-${key}` });
          acked.add(key);
        } else if (!acked.has(key)) this.ledger.refuse({ kind: 'score', logId: `idem-${key}`, token: `idem-${key}` });
        return;
      }
      case 'patch': {
        const scoreId = scores[Math.floor(Math.random() * scores.length)];
        const res = await this.call('PATCH', `/api/scores/${scoreId}/`, bearer, { string_value: token }, 200);
        this.settle(res, { kind: 'patch', scoreId, token }, () => ({
          kind: 'patch',
          scoreId,
          revision: etagRevision(res as HttpResult),
          token,
        }));
        return;
      }
      case 'upsert': {
        const logId = logs[Math.floor(Math.random() * logs.length)];
        const res = await this.call(
          'POST',
          `/api/logs/${logId}/scores/`,
          bearer,
          { evaluator_slug: fixture.evaluatorSlug, numerical_value: value, string_value: token },
          [200, 201],
        );
        this.settle(res, { kind: 'score', logId, token }, (body) => ({
          kind: 'score',
          scoreId: body.id,
          revision: etagRevision(res as HttpResult),
          logId,
          token,
        }));
        return;
      }
      case 'health': {
        const datasetId = randomUUID();
        const score = Math.round(value * 100) / 1000;
        const res = await this.call(
          'POST',
          `/v2/scorers/${fixture.scorerId}/versions/1/health-scores`,
          { 'Galileo-API-Key': fixture.apiKey },
          { dataset_id: datasetId, health_score_type: 'f1', score },
          200,
        );
        this.settle(res, { kind: 'health', datasetId, score }, (body) => ({ kind: 'health', id: body.id, datasetId, score }));
        return;
      }
    }
  }

  /** Records a write as acknowledged (2xx) or not. */
  private settle(res: HttpResult | null, attempted: Write, acknowledged: (body: any) => Write): void {
    if (res && res.status < 300) this.ledger.ack(acknowledged(res.body));
    else this.ledger.refuse(attempted);
  }

  /** One request; null when it got no answer. Checks the answer against the contract. */
  private async call(
    method: string,
    path: string,
    headers: Record<string, string>,
    body: unknown,
    expected: number | number[],
  ): Promise<HttpResult | null> {
    const target = this.options.targets[this.target++ % this.options.targets.length];
    const started = Date.now();
    this.requests++;
    let outcome: string;
    let res: HttpResult | null = null;
    try {
      res = await send(target, { method, path, headers, body, agent: this.agent, timeoutMs: this.options.hangAfterMs });
      outcome = String(res.status);
      const ok = (Array.isArray(expected) ? expected : [expected]).includes(res.status);
      if (!ok && res.status !== 503) this.violations.push(`${method} ${path} → ${res.status} ${res.text.slice(0, 300)}`);
      const violation = dialectViolation(familyOf(path), res);
      if (violation) this.violations.push(`${method} ${path} → ${violation}: ${res.text.slice(0, 200)}`);
    } catch (error) {
      outcome = failureOf(error);
      if (outcome === 'ETIMEDOUT') this.violations.push(`${method} ${path}: no answer within ${this.options.hangAfterMs} ms`);
    }
    const ms = Date.now() - started;
    this.slowestMs = Math.max(this.slowestMs, ms);
    this.outcomes[outcome] = (this.outcomes[outcome] ?? 0) + 1;
    this.onResult?.(outcome, ms);
    return res;
  }
}
