import { ValidationOptions, registerDecorator } from 'class-validator';

function parsedUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function isUrlOf(value: unknown, protocols: string[]): boolean {
  const url = parsedUrl(value);
  return !!url && protocols.includes(url.protocol) && url.hostname.length > 0;
}

function urlValidator(name: string, protocols: string[], message: string, list = false) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target, propertyName) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: propertyName as string,
        options: { message, ...options },
        validator: {
          validate(value: unknown) {
            if (!list) return isUrlOf(value, protocols);
            const items = typeof value === 'string' ? value.split(',').map((item) => item.trim()) : [];
            return items.length > 0 && items.every((item) => isUrlOf(item, protocols));
          },
        },
      });
}

export const IsPostgresUrl = urlValidator(
  'isPostgresUrl',
  ['postgres:', 'postgresql:'],
  'must be a postgres://user:password@host:port/database URL',
);

export const IsPostgresUrlList = urlValidator(
  'isPostgresUrlList',
  ['postgres:', 'postgresql:'],
  'must be a comma-separated list of postgres://user:password@host:port/database URLs',
  true,
);

export const IsRedisUrl = urlValidator('isRedisUrl', ['redis:', 'rediss:'], 'must be a redis://host:port URL');
