import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { IsPostgresUrl, IsPostgresUrlList, IsRedisUrl } from './url.validators';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value);
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(v)) return false;
  return value;
};
const emptyToUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const NODE_ENVS = ['development', 'production', 'test'] as const;

/** The environment variables Scorekeeper reads, with their rules. Names are the variables' own. */
export class EnvironmentVariables {
  @IsIn(NODE_ENVS)
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 0 and 65535' })
  @Min(0, { message: 'must be an integer between 0 and 65535' })
  @Max(65535, { message: 'must be an integer between 0 and 65535' })
  PORT = 8088;

  @IsString()
  @MinLength(1)
  HOST = '0.0.0.0';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsPostgresUrl()
  DATABASE_URL?: string;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 200' })
  @Min(1, { message: 'must be an integer between 1 and 200' })
  @Max(200, { message: 'must be an integer between 1 and 200' })
  DATABASE_POOL_MAX = 10;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer number of milliseconds between 100 and 600000' })
  @Min(100, { message: 'must be an integer number of milliseconds between 100 and 600000' })
  @Max(600000, { message: 'must be an integer number of milliseconds between 100 and 600000' })
  DATABASE_TIMEOUT_MS = 5000;

  /** Streaming replicas of DATABASE_URL's server that serve reads (comma-separated; PostgreSQL only). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsPostgresUrlList()
  DATABASE_REPLICA_URLS?: string;

  /** How long a read waits for a replica to replay the primary's position before it goes to the primary. */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer number of milliseconds between 0 and 10000' })
  @Min(0, { message: 'must be an integer number of milliseconds between 0 and 10000' })
  @Max(10000, { message: 'must be an integer number of milliseconds between 0 and 10000' })
  DATABASE_REPLICA_MAX_WAIT_MS = 100;

  @IsString()
  @MinLength(1)
  SCOREKEEPER_DATA_DIR = './data';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** Comma-separated allowed origins; empty keeps CORS closed, `*` opens it to every origin. */
  @IsString()
  CORS_ORIGINS = '';

  @Transform(toBool)
  @IsIn([true, false], { message: 'must be true or false' })
  TRUST_PROXY = false;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer number of milliseconds between 1000 and 600000' })
  @Min(1000, { message: 'must be an integer number of milliseconds between 1000 and 600000' })
  @Max(600000, { message: 'must be an integer number of milliseconds between 1000 and 600000' })
  SHUTDOWN_TIMEOUT_MS = 25000;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer number of milliseconds between 1000 and 600000' })
  @Min(1000, { message: 'must be an integer number of milliseconds between 1000 and 600000' })
  @Max(600000, { message: 'must be an integer number of milliseconds between 1000 and 600000' })
  REQUEST_TIMEOUT_MS = 30000;

  /** Scores read per database query by an export (`GET /api/scores/export/`, `scores:export`). */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 10000' })
  @Min(1, { message: 'must be an integer between 1 and 10000' })
  @Max(10000, { message: 'must be an integer between 1 and 10000' })
  EXPORT_PAGE_SIZE = 500;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters long' })
  SCOREKEEPER_JWT_SECRET?: string;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer number of seconds between 60 and 31536000' })
  @Min(60, { message: 'must be an integer number of seconds between 60 and 31536000' })
  @Max(31536000, { message: 'must be an integer number of seconds between 60 and 31536000' })
  SCOREKEEPER_JWT_TTL_SECONDS = 86400;

  @Transform(emptyToUndefined)
  @ValidateIf((env: EnvironmentVariables) => env.SCOREKEEPER_ADMIN_PASSWORD !== undefined || env.SCOREKEEPER_ADMIN_EMAIL !== undefined)
  @IsEmail({}, { message: 'must be an e-mail address (it is required when SCOREKEEPER_ADMIN_PASSWORD is set)' })
  SCOREKEEPER_ADMIN_EMAIL?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((env: EnvironmentVariables) => env.SCOREKEEPER_ADMIN_EMAIL !== undefined || env.SCOREKEEPER_ADMIN_PASSWORD !== undefined)
  @MinLength(8, { message: 'must be at least 8 characters long' })
  @MaxLength(1024, { message: 'must be at most 1024 characters long' })
  @IsString({ message: 'is required when SCOREKEEPER_ADMIN_EMAIL is set' })
  SCOREKEEPER_ADMIN_PASSWORD?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((env: EnvironmentVariables) => env.SCOREKEEPER_ADMIN_API_KEY !== undefined)
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters long' })
  @MaxLength(256, { message: 'must be at most 256 characters long' })
  SCOREKEEPER_ADMIN_API_KEY?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsRedisUrl()
  REDIS_URL?: string;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 0 (off) and 1000000' })
  @Min(0, { message: 'must be an integer between 0 (off) and 1000000' })
  @Max(1000000, { message: 'must be an integer between 0 (off) and 1000000' })
  RATE_LIMIT_PER_KEY_PER_MINUTE = 0;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 0 (off) and 1000000' })
  @Min(0, { message: 'must be an integer between 0 (off) and 1000000' })
  @Max(1000000, { message: 'must be an integer between 0 (off) and 1000000' })
  RATE_LIMIT_PER_IP_PER_MINUTE = 0;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 0 (off) and 1000000' })
  @Min(0, { message: 'must be an integer between 0 (off) and 1000000' })
  @Max(1000000, { message: 'must be an integer between 0 (off) and 1000000' })
  RATE_LIMIT_LOGIN_PER_MINUTE = 10;

  @Transform(toBool)
  @IsIn([true, false], { message: 'must be true or false' })
  METRICS_ENABLED = true;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters long' })
  METRICS_TOKEN?: string;
}

/** Variables whose values must never be echoed in an error message. */
export const SECRET_VARIABLES: ReadonlySet<string> = new Set([
  'DATABASE_URL',
  'DATABASE_REPLICA_URLS',
  'REDIS_URL',
  'SCOREKEEPER_JWT_SECRET',
  'SCOREKEEPER_ADMIN_PASSWORD',
  'SCOREKEEPER_ADMIN_API_KEY',
  'METRICS_TOKEN',
]);
