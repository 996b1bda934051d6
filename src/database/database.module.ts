import { DynamicModule, Global, Inject, MiddlewareConsumer, Module, NestModule, OnApplicationShutdown } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/core';
import { EntityManager as SqlEntityManager } from '@mikro-orm/sql';
import { AppConfig } from '../config/app-config';
import { Database } from './database';
import { RequestContextMiddleware } from './request-context.middleware';

@Global()
@Module({})
export class DatabaseModule implements NestModule, OnApplicationShutdown {
  constructor(@Inject(Database) private readonly database: Database) {}

  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: Database, useFactory: (config: AppConfig) => Database.open(config), inject: [AppConfig] },
        { provide: MikroORM, useFactory: (database: Database) => database.orm, inject: [Database] },
        { provide: EntityManager, useFactory: (orm: MikroORM) => orm.em, inject: [MikroORM] },
        { provide: SqlEntityManager, useExisting: EntityManager },
      ],
      exports: [Database, MikroORM, EntityManager, SqlEntityManager],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}
