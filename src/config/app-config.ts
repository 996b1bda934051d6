import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { EnvironmentVariables, SECRET_VARIABLES } from './environment';

/** Streaming replicas that serve reads: none when `urls` is empty. */
export interface ReplicaConfig {
  urls: string[];
  /** How long a read waits for a replica to catch up with the primary before it goes to the primary. */
  maxWaitMs: number;
}

export type DatabaseConfig =
  | { kind: 'postgresql'; url: string; poolMax: number; timeoutMs: number; replicas?: ReplicaConfig }
  | { kind: 'pglite'; dataDir: string; timeoutMs: number };

/** Typed, validated configuration; built once from the environment by `loadConfig`. */
export class AppConfig {
  readonly nodeEnv: EnvironmentVariables['NODE_ENV'];
  readonly host: string;
  readonly port: number;
  /** Where the embedded database and generated secrets live; `memory://` keeps nothing on disk. */
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  readonly logLevel: EnvironmentVariables['LOG_LEVEL'];
  readonly corsOrigins: string[];
  readonly trustProxy: boolean;
  readonly bodyLimitBytes = 1024 * 1024;
  readonly shutdownTimeoutMs: number;
  readonly requestTimeoutMs: number;
  /** Scores an export reads per query. */
  readonly exportPageSize: number;
  readonly jwt: { secret?: string; ttlSeconds: number };
  readonly admin: { email?: string; password?: string; apiKey?: string };
  readonly redisUrl?: string;
  readonly rateLimit: { perKeyPerMinute: number; perIpPerMinute: number; loginPerMinute: number };
  /** `GET /metrics` (Prometheus); with a token, scrapes must send `Authorization: Bearer <token>`. */
  readonly metrics: { enabled: boolean; token?: string };

  constructor(env: EnvironmentVariables) {
    this.nodeEnv = env.NODE_ENV;
    this.host = env.HOST;
    this.port = env.PORT;
    const inMemory = env.SCOREKEEPER_DATA_DIR.startsWith('memory:');
    this.dataDir = inMemory ? 'memory://' : resolve(env.SCOREKEEPER_DATA_DIR);
    this.database = env.DATABASE_URL
      ? {
          kind: 'postgresql',
          url: env.DATABASE_URL,
          poolMax: env.DATABASE_POOL_MAX,
          timeoutMs: env.DATABASE_TIMEOUT_MS,
          replicas: {
            urls: (env.DATABASE_REPLICA_URLS ?? '')
              .split(',')
              .map((url) => url.trim())
              .filter(Boolean),
            maxWaitMs: env.DATABASE_REPLICA_MAX_WAIT_MS,
          },
        }
      : { kind: 'pglite', dataDir: inMemory ? 'memory://' : resolve(this.dataDir, 'pglite'), timeoutMs: env.DATABASE_TIMEOUT_MS };
    this.logLevel = env.LOG_LEVEL;
    this.corsOrigins = env.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean);
    this.trustProxy = env.TRUST_PROXY;
    this.shutdownTimeoutMs = env.SHUTDOWN_TIMEOUT_MS;
    this.requestTimeoutMs = env.REQUEST_TIMEOUT_MS;
    this.exportPageSize = env.EXPORT_PAGE_SIZE;
    this.jwt = { secret: env.SCOREKEEPER_JWT_SECRET, ttlSeconds: env.SCOREKEEPER_JWT_TTL_SECONDS };
    this.admin = {
      email: env.SCOREKEEPER_ADMIN_EMAIL?.toLowerCase(),
      password: env.SCOREKEEPER_ADMIN_PASSWORD,
      apiKey: env.SCOREKEEPER_ADMIN_API_KEY,
    };
    this.redisUrl = env.REDIS_URL;
    this.rateLimit = {
      perKeyPerMinute: env.RATE_LIMIT_PER_KEY_PER_MINUTE,
      perIpPerMinute: env.RATE_LIMIT_PER_IP_PER_MINUTE,
      loginPerMinute: env.RATE_LIMIT_LOGIN_PER_MINUTE,
    };
    this.metrics = { enabled: env.METRICS_ENABLED, token: env.METRICS_TOKEN };
  }

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }
}

/** A configuration error: its message is one line that names every bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

function describe(error: ValidationError, given: string | undefined): string {
  const variable = error.property;
  const reason = (Object.values(error.constraints ?? {})[0] ?? 'is invalid').replace(`${variable} `, '');
  const shown = SECRET_VARIABLES.has(variable) || given === undefined ? '' : ` (got ${JSON.stringify(given)})`;
  return `${variable} ${reason}${shown}`;
}

/** Validates the environment (only the variables Scorekeeper knows) and returns the typed configuration. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new EnvironmentVariables());
  const picked = Object.fromEntries(known.filter((name) => env[name] !== undefined).map((name) => [name, env[name]]));
  const parsed = plainToInstance(EnvironmentVariables, picked, { exposeDefaultValues: true });
  const errors = validateSync(parsed, { forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(`Invalid configuration: ${errors.map((error) => describe(error, env[error.property])).join('; ')}`);
  }
  const config = new AppConfig(parsed);
  if (parsed.DATABASE_REPLICA_URLS && config.database.kind !== 'postgresql') {
    throw new ConfigError('Invalid configuration: DATABASE_REPLICA_URLS needs DATABASE_URL (the embedded database has no replicas)');
  }
  if (config.isProduction && config.database.kind === 'postgresql' && !config.jwt.secret) {
    throw new ConfigError('Invalid configuration: SCOREKEEPER_JWT_SECRET is required when NODE_ENV=production and DATABASE_URL is set');
  }
  return config;
}
