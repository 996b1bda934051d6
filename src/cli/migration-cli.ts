import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { ConfigError, loadConfig } from '../config/app-config';
import { PROJECT_ROOT } from '../common/version';
import { Database } from '../database/database';
import { buildOrmOptions } from '../database/orm-options';
import { ENTITIES } from '../entities';

const MIGRATIONS_DIR = join(PROJECT_ROOT, 'migrations');

/** A throw-away embedded database with every migration applied: the baseline diffs are taken against. */
async function migratedScratchDatabase(): Promise<MikroORM> {
  const orm = await MikroORM.init(buildOrmOptions({ kind: 'pglite', dataDir: 'memory://', timeoutMs: 30_000 }, ENTITIES));
  await orm.migrator.up();
  return orm;
}

/** The SQL that would bring a fully migrated database to the entities' schema (empty when they agree). */
export async function schemaDrift(): Promise<string> {
  const orm = await migratedScratchDatabase();
  try {
    return (await orm.schema.getUpdateSchemaSQL({ wrap: false })).trim();
  } finally {
    await orm.close(true);
  }
}

function writeMigrationsIndex(): void {
  const names = readdirSync(MIGRATIONS_DIR)
    .filter((file) => /^Migration\d+.*\.ts$/.test(file))
    .map((file) => file.replace(/\.ts$/, ''))
    .sort();
  const imports = names.map((name) => `import { ${name} } from './${name}';`);
  const entries = names.map((name) => `  { name: '${name}', class: ${name} },`);
  writeFileSync(
    join(MIGRATIONS_DIR, 'index.ts'),
    [
      "import type { MigrationObject } from '@mikro-orm/core';",
      ...imports,
      '',
      '/** Every migration, oldest first (maintained by `npm run migration:create`). */',
      'export const migrationsList: MigrationObject[] = [',
      ...entries,
      '];',
      '',
    ].join('\n'),
  );
}

async function create(name: string | undefined): Promise<void> {
  const orm = await migratedScratchDatabase();
  try {
    const result = await orm.migrator.create(MIGRATIONS_DIR, false, false, name);
    if (!result.fileName) {
      process.stdout.write('The entities and the migrations agree: no migration created.\n');
      return;
    }
    writeMigrationsIndex();
    process.stdout.write(`Created migrations/${result.fileName} and updated migrations/index.ts\n`);
  } finally {
    await orm.close(true);
  }
}

async function up(): Promise<void> {
  const database = await Database.open(loadConfig(process.env), ENTITIES);
  const executed = await database.orm.migrator.getExecuted();
  await database.close();
  process.stdout.write(`Database schema is up to date (${executed.length} migrations applied).\n`);
}

async function check(): Promise<void> {
  const drift = await schemaDrift();
  if (drift) {
    process.stderr.write(`The entities and the migrations disagree; run \`npm run migration:create\`. Missing SQL:\n${drift}\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write('The entities and the migrations agree.\n');
}

const commands: Record<string, (arg?: string) => Promise<void>> = { up, create, check };

if (require.main === module) {
  const [command, arg] = process.argv.slice(2);
  const run = commands[command ?? ''];
  if (!run) {
    process.stderr.write('usage: migration-cli up | create [name] | check\n');
    process.exit(2);
  }
  run(arg).catch((error: unknown) => {
    process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
