import type { Options } from '@mikro-orm/core';
import { BindingPgliteDriver } from './binding/pglite-driver';
import { keepLeadingBomInPglite } from './pglite-leading-bom';
import { pgliteStartParams } from './pglite-memory';

/** What the embedded database adds to the ORM's options; loaded only when it is the one configured. */
export function pgliteOrmOptions(dataDir: string): Partial<Options> {
  return {
    driver: BindingPgliteDriver,
    dbName: dataDir,
    driverOptions: { startParams: pgliteStartParams() },
    onCreateConnection: keepLeadingBomInPglite,
  };
}
