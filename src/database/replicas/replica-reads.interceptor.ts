import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Observable, catchError, from, switchMap, throwError } from 'rxjs';
import { AppConfig } from '../../config/app-config';
import { readTarget } from './read-target';
import { isReplicaFailure } from './replica-failures';
import { REPLICA_READS } from './replica-reads.decorator';
import { type ReadChoice, ReplicaRouter } from './replica-router';

/** In test mode, each replica-read response says where it was served from (the replication tests count them). */
export const READ_SOURCE_HEADER = 'x-scorekeeper-read-source';

/**
 * Runs the handlers of `@ReplicaReads` routes with the replica `ReplicaRouter` chose for them (or on the primary).
 * A read that fails on a replica because of the replica is run again on the primary.
 */
@Injectable()
export class ReplicaReadsInterceptor implements NestInterceptor {
  private readonly announce: boolean;

  constructor(
    private readonly reflector: Reflector,
    @Inject(ReplicaRouter) private readonly router: ReplicaRouter,
    config: AppConfig,
  ) {
    this.announce = config.nodeEnv === 'test';
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.router.enabled || !this.eligible(context)) return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return from(this.router.choose()).pipe(switchMap((choice) => this.run(choice, reply, next)));
  }

  private run(choice: ReadChoice, reply: FastifyReply, next: CallHandler): Observable<unknown> {
    this.label(reply, choice);
    if (!choice.replica) return next.handle();
    return readTarget
      .run(choice.replica.connection, () => next.handle())
      .pipe(
        catchError((error: unknown) => {
          if (!isReplicaFailure(error)) return throwError(() => error);
          const fallback = this.router.failed(choice, error);
          this.label(reply, fallback);
          return readTarget.exit(() => next.handle());
        }),
      );
  }

  private eligible(context: ExecutionContext): boolean {
    const onRoute = this.reflector.get<boolean | undefined>(REPLICA_READS, context.getHandler());
    if (onRoute !== undefined) return onRoute;
    const method = context.switchToHttp().getRequest<FastifyRequest>().method;
    return (method === 'GET' || method === 'HEAD') && this.reflector.get<boolean | undefined>(REPLICA_READS, context.getClass()) === true;
  }

  private label(reply: FastifyReply, choice: ReadChoice): void {
    if (this.announce) void reply.header(READ_SOURCE_HEADER, choice.replica?.name ?? `primary; ${choice.reason}`);
  }
}
