import type { Type } from '@nestjs/common';
import { type ClassTransformOptions, plainToInstance } from 'class-transformer';
import { getMetadataStorage } from 'class-validator';

const declared = new WeakMap<Function, Set<string>>();

/** The properties a DTO class declares checks for (inherited and mapped ones included). */
export function declaredProperties(type: Function): Set<string> {
  let properties = declared.get(type);
  if (!properties) {
    properties = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(type, '', true, false)
        .map((metadata) => metadata.propertyName),
    );
    declared.set(type, properties);
  }
  return properties;
}

/**
 * An instance of a DTO class from its plain input: only declared properties are copied (what else
 * was sent is ignored, never walked), each through its decorator's transform.
 */
export function instantiate<T>(type: Type<T>, plain: Record<string, unknown>, options: ClassTransformOptions): T {
  const properties = declaredProperties(type);
  const own: Record<string, unknown> = {};
  for (const key of Object.keys(plain)) if (properties.has(key)) own[key] = plain[key];
  return plainToInstance(type, own, options);
}
