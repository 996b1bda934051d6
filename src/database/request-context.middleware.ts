import { Injectable, NestMiddleware } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';

/** Gives every request its own identity map: repositories' EntityManager resolves to this fork. */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  constructor(private readonly orm: MikroORM) {}

  use(_req: unknown, _res: unknown, next: () => void): void {
    RequestContext.create(this.orm.em, next);
  }
}
