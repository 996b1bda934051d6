import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122163321_identity } from './Migration20261122163321_identity';
import { Migration20261122170703_scorers_and_scores } from './Migration20261122170703_scorers_and_scores';
import { Migration20261122183201_score_counts } from './Migration20261122183201_score_counts';
import { Migration20261130225556_sdk_projects_and_code } from './Migration20261130225556_sdk_projects_and_code';
import { Migration20261201033231_score_summary_buckets } from './Migration20261201033231_score_summary_buckets';
import { Migration20261201055440_list_counts } from './Migration20261201055440_list_counts';
import { Migration20261201073640_summary_bucket_writes } from './Migration20261201073640_summary_bucket_writes';

/** Every migration, oldest first (maintained by `npm run migration:create`). */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261122163321_identity', class: Migration20261122163321_identity },
  { name: 'Migration20261122170703_scorers_and_scores', class: Migration20261122170703_scorers_and_scores },
  { name: 'Migration20261122183201_score_counts', class: Migration20261122183201_score_counts },
  { name: 'Migration20261130225556_sdk_projects_and_code', class: Migration20261130225556_sdk_projects_and_code },
  { name: 'Migration20261201033231_score_summary_buckets', class: Migration20261201033231_score_summary_buckets },
  { name: 'Migration20261201055440_list_counts', class: Migration20261201055440_list_counts },
  { name: 'Migration20261201073640_summary_bucket_writes', class: Migration20261201073640_summary_bucket_writes },
];
