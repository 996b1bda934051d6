import { ValidationOptions, registerDecorator } from 'class-validator';

function parsedUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function urlValidator(name: string, protocols: string[], message: string) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target, propertyName) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: propertyName as string,
        options: { message, ...options },
        validator: {
          validate(value: unknown) {
            const url = parsedUrl(value);
            return !!url && protocols.includes(url.protocol) && url.hostname.length > 0;
          },
        },
      });
}

export const IsPostgresUrl = urlValidator(
  'isPostgresUrl',
  ['postgres:', 'postgresql:'],
  'must be a postgres://user:password@host:port/database URL',
);

export const IsRedisUrl = urlValidator('isRedisUrl', ['redis:', 'rediss:'], 'must be a redis://host:port URL');
