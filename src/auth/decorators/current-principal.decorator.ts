import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Principal } from '../principal';

/** The authenticated caller (set by the route family's guard). */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest<{ user: Principal }>().user,
);
