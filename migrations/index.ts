import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122163321_identity } from './Migration20261122163321_identity';
import { Migration20261122170703_scorers_and_scores } from './Migration20261122170703_scorers_and_scores';

/** Every migration, oldest first (maintained by `npm run migration:create`). */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261122163321_identity', class: Migration20261122163321_identity },
  { name: 'Migration20261122170703_scorers_and_scores', class: Migration20261122170703_scorers_and_scores },
];
