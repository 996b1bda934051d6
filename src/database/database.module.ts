import { DynamicModule, Global, Inject, MiddlewareConsumer, Module, NestModule, OnApplicationShutdown } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/core';
import { EntityManager as SqlEntityManager } from '@mikro-orm/sql';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AppConfig, type DatabaseConfig } from '../config/app-config';
import { Database } from './database';
import { RequestContextMiddleware } from './request-context.middleware';
import { replicaOptions, replicaRouterFor } from './replicas/replica-options';
import { ReplicaReadsInterceptor } from './replicas/replica-reads.interceptor';
import { ReplicaRouter } from './replicas/replica-router';

@Global()
@Module({})
export class DatabaseModule implements NestModule, OnApplicationShutdown {
  constructor(@Inject(Database) private readonly database: Database) {}

  /**
   * `entities`: every entity the ORM maps (the application's list, `src/entities.ts`). The replica
   * interceptor is there only with read replicas: without them it would route nothing, and a global
   * interceptor puts every request through Nest's rxjs pipeline.
   */
  static forRoot(entities: readonly Function[], database: DatabaseConfig): DynamicModule {
    const replicated = replicaOptions(database).replicas !== undefined;
    return {
      module: DatabaseModule,
      providers: [
        { provide: Database, useFactory: (config: AppConfig) => Database.open(config, entities), inject: [AppConfig] },
        { provide: MikroORM, useFactory: (database: Database) => database.orm, inject: [Database] },
        { provide: EntityManager, useFactory: (orm: MikroORM) => orm.em, inject: [MikroORM] },
        { provide: SqlEntityManager, useExisting: EntityManager },
        {
          provide: ReplicaRouter,
          useFactory: (orm: MikroORM, config: AppConfig) => replicaRouterFor(orm, config.database),
          inject: [MikroORM, AppConfig],
        },
        ...(replicated ? [{ provide: APP_INTERCEPTOR, useClass: ReplicaReadsInterceptor }] : []),
      ],
      exports: [Database, MikroORM, EntityManager, SqlEntityManager, ReplicaRouter],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}
