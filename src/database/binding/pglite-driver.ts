import type { Configuration } from '@mikro-orm/core';
import { PgliteConnection, PgliteDriver } from '@mikro-orm/pglite';
import type { AbstractSqlConnection } from '@mikro-orm/sql';
import { type Connections, bindingParameters } from './bound-parameters';

class BindingPgliteConnection extends bindingParameters(PgliteConnection) {}

/** The embedded database's driver, with connections that send bind parameters (bound-parameters.ts). */
export class BindingPgliteDriver extends PgliteDriver {
  constructor(config: Configuration) {
    super(config);
    const connections = this as unknown as Connections<AbstractSqlConnection>;
    connections.connection = new BindingPgliteConnection(this.config);
    connections.replicas = this.createReplicas((options) => new BindingPgliteConnection(this.config, options, 'read'));
  }
}
