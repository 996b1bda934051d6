import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Observable, from, lastValueFrom } from 'rxjs';
import type { Principal } from '../../auth/principal';
import { claimOf } from './idempotency-key';
import { IdempotencyService, type StoredResponse } from './idempotency.service';

/**
 * `Idempotency-Key` on a create route: the answer (status and body) is stored with the write, in its
 * transaction, and replayed for a retry with the same key and body for 24 hours; another body is a
 * 409. A concurrent retry that loses the race to the unique indexes replays the winner's answer.
 * Requests without the header pass through untouched.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly idempotency: IdempotencyService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { user: Principal }>();
    const key = request.headers['idempotency-key'];
    if (key === undefined) return next.handle();
    const claim = claimOf(Array.isArray(key) ? key.join(', ') : key, request.body);
    const reply = http.getResponse<FastifyReply>();
    const organizationId = request.user.organizationId;
    const sent = (response: StoredResponse) => {
      void reply.status(response.status);
      return response.body;
    };
    return from(
      (async () => {
        const stored = await this.idempotency.replay(organizationId, claim);
        if (stored) return sent(stored);
        try {
          return sent(
            await this.idempotency.answer(organizationId, claim, async () => {
              const body = await lastValueFrom(next.handle());
              return { status: reply.statusCode, body };
            }),
          );
        } catch (error) {
          const winner = await this.idempotency.answered(organizationId, claim);
          if (winner) return sent(winner);
          throw error;
        }
      })(),
    );
  }
}
