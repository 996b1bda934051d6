import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

/** No Docker engine runs here: these checks keep the container files in step with what CI runs. */
describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((line) => line.trim() && !line.trim().startsWith('#'));

  it('builds on node:24-slim in two stages', () => {
    expect(instructions.filter((line) => line.startsWith('FROM '))).toEqual([
      'FROM node:24-slim AS build',
      'FROM node:24-slim AS production',
    ]);
  });

  it('installs without fetching a second Node and builds with the script `npm run build` runs', () => {
    expect(dockerfile).toContain('RUN npm ci --ignore-scripts --no-audit --no-fund');
    expect(dockerfile).toContain('RUN node scripts/build.js');
    expect(scripts.build).toBe('node scripts/build.js');
    expect(read('scripts/check-production-install.sh')).toContain('npm ci --omit=dev');
    expect(dockerfile).toContain('RUN npm ci --omit=dev');
  });

  it('runs as a non-root user, exposes 8088, checks readiness and starts like start:prod', () => {
    expect(instructions).toContain('USER node');
    expect(instructions).toContain('EXPOSE 8088');
    expect(dockerfile).toMatch(/HEALTHCHECK .*\/health\/ready/s);
    const cmd = instructions.find((line) => line.startsWith('CMD '));
    expect(JSON.parse(cmd!.slice(4)).join(' ')).toBe(scripts['start:prod']);
    expect(scripts.start.endsWith(` && ${scripts['start:prod']}`)).toBe(true);
  });
});

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml')) as {
    services: Record<
      string,
      {
        image?: string;
        build?: string;
        environment?: Record<string, string>;
        depends_on?: Record<string, { condition: string }>;
        healthcheck?: unknown;
        volumes?: string[];
        stop_grace_period?: string;
      }
    >;
    volumes: Record<string, unknown>;
  };

  it('runs the service against PostgreSQL 17 with a healthcheck and a named volume', () => {
    const { postgres, scorekeeper } = compose.services;
    expect(postgres.image).toBe('postgres:17');
    expect(postgres.healthcheck).toBeDefined();
    expect(postgres.volumes).toEqual(['pgdata:/var/lib/postgresql/data']);
    expect(Object.keys(compose.volumes)).toEqual(['pgdata']);
    expect(scorekeeper.build).toBe('.');
    expect(scorekeeper.environment?.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
    expect(scorekeeper.depends_on?.postgres.condition).toBe('service_healthy');
  });

  it('lets the service finish its requests before Docker kills it, and declares no volume it does not use', () => {
    const { scorekeeper } = compose.services;
    const graceSeconds = Number(/^(\d+)s$/.exec(scorekeeper.stop_grace_period ?? '')?.[1]);
    const shutdownSeconds = Number(scorekeeper.environment?.SHUTDOWN_TIMEOUT_MS ?? 25_000) / 1000;
    expect(graceSeconds).toBeGreaterThan(shutdownSeconds);
    expect(scorekeeper.volumes).toBeUndefined();
    expect(read('Dockerfile')).not.toMatch(/^VOLUME/m);
  });
});
