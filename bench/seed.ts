import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { HEALTH_SCORE_TYPES, type WritingFixture, seededApiKey } from './fixtures.ts';
import type { SeedSize } from './options.ts';

export interface Seed {
  datasets: string[];
  /** The administrator's organization: PATCH, create and health-score writes. */
  writing: { organizationId: string; evaluatorId: string; versionNumber: number; scoreIds: string[] };
  /** The organization with the large score table: the list workloads. */
  listing: { organizationId: string; apiKey: string; evaluatorId: string };
  rows: Record<string, number>;
  seconds: number;
}

/** Copies a scorer or version row with some columns replaced, whatever the table's other columns are. */
const copyRow = (table: 'scorers' | 'scorer_versions', overrides: string) =>
  `insert into ${table} select (jsonb_populate_record(null::${table}, to_jsonb(t) || ${overrides})).* from ${table} t where t.organization_id = $1 and t.id = $2`;

/**
 * `count` scores of one organization spread over its evaluators (`$3` ids, `$4` slugs), the `$5`th score
 * on, one every 11 seconds back from now (a million span four months), values 0–10 with
 * `is_passed` as the evaluator's `gte 5` judges them.
 */
const SCORES_OF_ONE_ORGANIZATION = `
  insert into scores (organization_id, id, evaluator_id, evaluator_slug, evaluator_name, type, log_id, timestamp, environment,
                      scorer, numerical_value, is_passed, inputs, revision, created_at, updated_at)
  select $1, gen_random_uuid(), ($3::uuid[])[1 + g % cardinality($3::uuid[])], ($4::text[])[1 + g % cardinality($4::text[])],
         'Bench numeric', 'llm', 'seed-log-' || g, x.at, case when g % 5 = 0 then 'staging' else 'production' end,
         'seed-scorer', x.value, x.value >= 5, jsonb_build_object('question', 'question ' || g, 'answer', 'answer ' || g), 1, x.at, x.at
  from generate_series($5::int + 1, $5::int + $2::int) g
  cross join lateral (select ((g * 7) % 101) / 10.0 as value, now() - g * interval '11 seconds' as at) x`;

const LIST_SEED_CHUNK = 1_000_000;

const HEALTH_SCORES_OF_VERSIONS = `
  insert into health_scores (organization_id, id, scorer_version_id, dataset_id, health_score_type, score, secondary, computed_at)
  select v.organization_id, gen_random_uuid(), v.id, d.id, t.type, random(), jsonb_build_object('precision', random(), 'recall', random()), now()
  from scorer_versions v, unnest($2::uuid[]) d(id), unnest($3::text[]) t(type)
  where v.organization_id = any($1::uuid[])`;

async function one<T>(client: pg.Client, sql: string, params: unknown[] = []): Promise<T> {
  return (await client.query(sql, params)).rows[0] as T;
}

async function newOrganization(client: pg.Client, name: string, templateUserOrg: string): Promise<{ id: string; userId: string }> {
  const id = randomUUID();
  const userId = randomUUID();
  await client.query('insert into organizations (id, name, created_at) values ($1, $2, now())', [id, name]);
  await client.query(
    `insert into users (organization_id, id, email, password_hash, created_at)
     select $1, $2, $3, password_hash, now() from users where organization_id = $4 limit 1`,
    [id, userId, `${name.toLowerCase().replace(/\W+/g, '-')}@example.com`, templateUserOrg],
  );
  return { id, userId };
}

async function copyEvaluator(client: pg.Client, from: { organizationId: string; id: string }, to: string, slug: string): Promise<string> {
  const id = randomUUID();
  await client.query(copyRow('scorers', `jsonb_build_object('organization_id', $3::uuid, 'id', $4::uuid, 'slug', $5::text)`), [
    from.organizationId,
    from.id,
    to,
    id,
    slug,
  ]);
  return id;
}

async function copyVersions(
  client: pg.Client,
  from: { organizationId: string; versionId: string },
  to: { organizationId: string; scorerId: string },
  versions: number,
): Promise<void> {
  for (let version = 1; version <= versions; version++) {
    await client.query(
      copyRow(
        'scorer_versions',
        `jsonb_build_object('organization_id', $3::uuid, 'id', $4::uuid, 'scorer_id', $5::uuid, 'version', $6::int)`,
      ),
      [from.organizationId, from.versionId, to.organizationId, randomUUID(), to.scorerId, version],
    );
  }
  await client.query('update scorers set latest_version_number = $3 where organization_id = $1 and id = $2', [
    to.organizationId,
    to.scorerId,
    versions,
  ]);
}

/**
 * Everything the workloads read or write, seeded with set-based SQL next to what the API created
 * (`fixture`, in the administrator's organization): the writing organization's scores with their first
 * revision, the list organization's scores, and the other organizations' rows beside them.
 */
export async function seed(client: pg.Client, size: SeedSize, fixture: WritingFixture, adminEmail: string): Promise<Seed> {
  const started = performance.now();
  const datasets = Array.from({ length: size.datasets }, () => randomUUID());
  const { organization_id: writingOrg } = await one<{ organization_id: string }>(
    client,
    'select organization_id from users where email = $1',
    [adminEmail],
  );
  const template = { organizationId: writingOrg, id: fixture.evaluatorId };
  const { id: templateVersion } = await one<{ id: string }>(
    client,
    'select id from scorer_versions where organization_id = $1 and scorer_id = $2 and version = $3',
    [writingOrg, fixture.evaluatorId, fixture.versionNumber],
  );

  await client.query(SCORES_OF_ONE_ORGANIZATION, [writingOrg, size.patchScores, [fixture.evaluatorId], ['bench_numeric'], 0]);
  await client.query(
    `insert into score_revisions (organization_id, id, score_id, revision, operation, values, actor, at)
     select organization_id, gen_random_uuid(), id, 1, 'create',
            to_jsonb(s) - 'organization_id' - 'id' - 'revision' - 'created_at' - 'updated_at', 'seed-scorer', created_at
     from scores s where organization_id = $1`,
    [writingOrg],
  );
  const scoreIds = (await client.query<{ id: string }>('select id from scores where organization_id = $1', [writingOrg])).rows.map(
    (row) => row.id,
  );

  const listing = await newOrganization(client, 'Bench list organization', writingOrg);
  const key = seededApiKey();
  await client.query(
    `insert into api_keys (organization_id, id, user_id, description, prefix, key_hash, truncated, created_by, created_at, updated_at)
     values ($1, $2, $3, 'bench list key', $4, $5, $6, $3, now(), now())`,
    [listing.id, randomUUID(), listing.userId, key.prefix, key.hash, key.truncated],
  );
  const listEvaluators: string[] = [];
  const listSlugs: string[] = [];
  for (let index = 0; index < size.listEvaluators; index++) {
    const slug = index === 0 ? 'bench_numeric' : `bench_numeric_${index + 1}`;
    listEvaluators.push(await copyEvaluator(client, template, listing.id, slug));
    listSlugs.push(slug);
  }
  await copyVersions(
    client,
    { organizationId: writingOrg, versionId: templateVersion },
    { organizationId: listing.id, scorerId: listEvaluators[0] },
    size.listVersions,
  );
  // In statements of a million rows: the count triggers' transition tables stay a size the server sorts quickly.
  for (let from = 0; from < size.listScores; from += LIST_SEED_CHUNK) {
    const rows = Math.min(LIST_SEED_CHUNK, size.listScores - from);
    await client.query(SCORES_OF_ONE_ORGANIZATION, [listing.id, rows, listEvaluators, listSlugs, from]);
  }

  const others: string[] = [];
  for (let index = 0; index < size.otherOrganizations; index++) {
    const other = await newOrganization(client, `Bench other ${index + 1}`, writingOrg);
    const evaluator = await copyEvaluator(client, template, other.id, 'bench_numeric');
    await copyVersions(
      client,
      { organizationId: writingOrg, versionId: templateVersion },
      { organizationId: other.id, scorerId: evaluator },
      1,
    );
    await client.query(SCORES_OF_ONE_ORGANIZATION, [other.id, size.scoresPerOtherOrganization, [evaluator], ['bench_numeric'], 0]);
    others.push(other.id);
  }
  await client.query(HEALTH_SCORES_OF_VERSIONS, [[listing.id, ...others], datasets, HEALTH_SCORE_TYPES]);
  // Autovacuum may be off (it is on the reference machine): without a vacuum no index-only scan is possible.
  await client.query('vacuum analyze');

  const rows = await one<Record<string, string>>(
    client,
    `select (select count(*) from organizations) as organizations, (select count(*) from scorers) as scorers,
            (select count(*) from scorer_versions) as scorer_versions, (select count(*) from health_scores) as health_scores,
            (select count(*) from scores) as scores, (select count(*) from score_revisions) as score_revisions`,
  );
  return {
    datasets,
    writing: { organizationId: writingOrg, evaluatorId: fixture.evaluatorId, versionNumber: fixture.versionNumber, scoreIds },
    listing: {
      organizationId: listing.id,
      apiKey: key.key,
      evaluatorId: listEvaluators[0],
    },
    rows: Object.fromEntries(Object.entries(rows).map(([name, value]) => [name, Number(value)])),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
