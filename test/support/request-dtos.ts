import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';

const SRC = join(__dirname, '../../src');
const VALIDATED = new Set([RouteParamtypes.BODY, RouteParamtypes.QUERY, RouteParamtypes.PARAM]);
const NOT_DTOS = new Set<unknown>([Object, String, Number, Boolean, Array]);

function controllerFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? controllerFiles(join(dir, entry.name)) : entry.name.endsWith('.controller.ts') ? [join(dir, entry.name)] : [],
  );
}

/** Every class a route of src/ takes as body, query or path parameters, with where it is used. */
export function requestDtos(): [string, Function][] {
  const found: [string, Function][] = [];
  for (const file of controllerFiles(SRC)) {
    // Every controller file of src/, found by walking the folder: their names are known only at run time.
    // eslint-disable-next-line @typescript-eslint/no-require-imports, security/detect-non-literal-require
    for (const controller of Object.values(require(file) as Record<string, unknown>)) {
      if (typeof controller !== 'function' || Reflect.getMetadata('path', controller) === undefined) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const parameters = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, { index: number }>;
        const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? []) as Function[];
        for (const [key, { index }] of Object.entries(parameters)) {
          const type = types[index];
          if (VALIDATED.has(Number(key.split(':')[0])) && type && !NOT_DTOS.has(type)) found.push([`${controller.name}.${method}`, type]);
        }
      }
    }
  }
  return found;
}
