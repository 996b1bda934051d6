import { MikroORM } from '@mikro-orm/core';
import { IdempotencyRecord } from '../../../src/scores/entities/idempotency-record.entity';
import { newLogId } from '../../support/scores';
import { type Tenant, createTenant, withServices } from '../../support/tenants';
import type { TestApp } from '../../support/test-app';
import { QUALITY } from '../../support/score-bodies';
import { type ScoreSuite, startScoreSuite } from './score-suite';

/** `Idempotency-Key` on `POST /api/scores/` (contract §4): replay, 409, 24 hours, concurrent retries. */
describe('idempotent score creates', () => {
  let t: TestApp;
  let tenant: Tenant;
  let evaluator: ScoreSuite['evaluator'];

  beforeAll(async () => {
    ({ t, tenant, evaluator } = await startScoreSuite('writes', QUALITY));
  });
  afterAll(() => t.close());

  describe('idempotent create', () => {
    it('replays the first answer for the same key and body: same id, same 201, one score', async () => {
      const body = { evaluator_id: evaluator.id, log_id: newLogId(), numerical_value: 4, inputs: { b: 2, a: 1 } };
      const first = await t.http.post('/api/scores/').set(tenant.bearerKey).set('Idempotency-Key', 'key-replay').send(body);
      expect(first.status).toBe(201);
      const reordered = { inputs: { a: 1, b: 2 }, numerical_value: 4, log_id: body.log_id, evaluator_id: evaluator.id };
      const again = await t.http.post('/api/scores/').set(tenant.bearerKey).set('Idempotency-Key', 'key-replay').send(reordered);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      const listed = await t.http.get(`/api/scores/?log_id=${body.log_id}`).set(tenant.bearerKey);
      expect(listed.body.count).toBe(1);
    });

    it('answers 409 for the same key with another body, and keys are per organization', async () => {
      const first = await t.http
        .post('/api/scores/')
        .set(tenant.bearerKey)
        .set('Idempotency-Key', 'key-conflict')
        .send({ evaluator_slug: 'idem', log_id: newLogId() });
      expect(first.status).toBe(201);
      const conflict = await t.http
        .post('/api/scores/')
        .set(tenant.bearerKey)
        .set('Idempotency-Key', 'key-conflict')
        .send({ evaluator_slug: 'idem', log_id: newLogId() });
      expect(conflict.status).toBe(409);
      expect(conflict.body).toEqual({ detail: 'This Idempotency-Key was already used with a different request body.' });
      const otherTenant = await createTenant(t.app, 'idem-other');
      const elsewhere = await t.http
        .post('/api/scores/')
        .set(otherTenant.bearerKey)
        .set('Idempotency-Key', 'key-conflict')
        .send({ evaluator_slug: 'idem', log_id: newLogId() });
      expect(elsewhere.status).toBe(201);
    });

    it('makes concurrent retries with one key create one score', async () => {
      const body = { evaluator_id: evaluator.id, log_id: newLogId(), numerical_value: 3 };
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          t.http.post('/api/scores/').set(tenant.bearerKey).set('Idempotency-Key', 'key-concurrent').send(body),
        ),
      );
      expect(answers.map((res) => res.status)).toEqual(Array(10).fill(201));
      expect(new Set(answers.map((res) => res.body.id)).size).toBe(1);
      expect((await t.http.get(`/api/scores/?log_id=${body.log_id}`).set(tenant.bearerKey)).body.count).toBe(1);
    });

    it('forgets a key after 24 hours', async () => {
      const body = { evaluator_slug: 'idem', log_id: newLogId() };
      const first = await t.http.post('/api/scores/').set(tenant.bearerKey).set('Idempotency-Key', 'key-expiring').send(body);
      await withServices(t.app, () =>
        t.app
          .get(MikroORM)
          .em.nativeUpdate(
            IdempotencyRecord,
            { organizationId: tenant.organizationId, key: 'key-expiring' },
            { expiresAt: new Date(Date.now() - 1000) },
          ),
      );
      const later = await t.http
        .post('/api/scores/')
        .set(tenant.bearerKey)
        .set('Idempotency-Key', 'key-expiring')
        .send({ ...body, log_id: newLogId() });
      expect(later.status).toBe(201);
      expect(later.body.id).not.toBe(first.body.id);
    });

    it('does not store failures, and refuses a malformed key', async () => {
      const bad = await t.http
        .post('/api/scores/')
        .set(tenant.bearerKey)
        .set('Idempotency-Key', 'key-failure')
        .send({ evaluator_id: evaluator.id, log_id: newLogId() });
      expect(bad.status).toBe(400);
      const fixed = await t.http
        .post('/api/scores/')
        .set(tenant.bearerKey)
        .set('Idempotency-Key', 'key-failure')
        .send({ evaluator_id: evaluator.id, log_id: newLogId(), numerical_value: 1 });
      expect(fixed.status).toBe(201);
      const malformed = await t.http
        .post('/api/scores/')
        .set(tenant.bearerKey)
        .set('Idempotency-Key', 'x'.repeat(256))
        .send({ evaluator_slug: 'idem', log_id: newLogId() });
      expect(malformed.status).toBe(400);
      expect(malformed.body).toEqual({ 'Idempotency-Key': ['Expected 1 to 255 visible ASCII characters.'] });
    });
  });
});
