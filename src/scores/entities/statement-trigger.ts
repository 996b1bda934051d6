import type { TriggerDef } from '@mikro-orm/core';

/**
 * A statement-level trigger on `scores` running `body` (its transition tables named by `referencing`), in a
 * function of its own. JIT compilation (PostgreSQL's default above a cost) would take longer than these
 * small statements, hence `jit = off`.
 */
export const statementTrigger = (name: string, event: 'insert' | 'delete' | 'update', body: string, referencing: string): TriggerDef => ({
  name,
  timing: 'after',
  events: [event],
  forEach: 'statement',
  expression: `create or replace function scores_${name}_fn() returns trigger language plpgsql set jit = off as $$
begin
  ${body}
  return null;
end $$;
create trigger ${name} after ${event} on scores referencing ${referencing}
  for each statement execute function scores_${name}_fn()`,
});
