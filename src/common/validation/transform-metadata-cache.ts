import { createRequire } from 'node:module';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';

type Storage = MetadataStorage;
/** The registry `plainToInstance` reads (the package declares no types for its module). */
const { defaultMetadataStorage } = createRequire(__filename)('class-transformer/cjs/storage') as { defaultMetadataStorage: Storage };

/** The lookups class-transformer makes per property of every object it converts (each walks the class's ancestors). */
const LOOKUPS = [
  'findTransformMetadatas',
  'findExcludeMetadata',
  'findExposeMetadata',
  'findExposeMetadataByCustomName',
  'findTypeMetadata',
  'getStrategy',
  'getExposedProperties',
  'getExcludedProperties',
] as const satisfies readonly (keyof Storage)[];

/** The registrations: a decorator applied later (a class defined afterwards) empties the cache. */
const REGISTRATIONS = [
  'addTypeMetadata',
  'addTransformMetadata',
  'addExposeMetadata',
  'addExcludeMetadata',
  'clear',
] as const satisfies readonly (keyof Storage)[];

let installed = false;

/**
 * class-transformer answers its metadata lookups by searching the class and each ancestor anew on
 * every property of every object it converts. The answers depend only on the registered decorators,
 * so each is kept per class and arguments until a decorator is registered. Callers of these lookups
 * never modify the arrays they get back (they filter and concatenate into new ones).
 */
export function cacheTransformMetadata(): void {
  if (installed) return;
  installed = true;
  const storage = defaultMetadataStorage as unknown as Record<string, (...args: unknown[]) => unknown>;
  /** Per lookup, the answers by class, then by each further argument (a trie of maps: no key to build). */
  let answers = new Map<string, Map<unknown, unknown>>();
  for (const name of LOOKUPS) {
    const lookup = storage[name].bind(storage);
    storage[name] = (...args: unknown[]) => {
      let level = answers.get(name);
      if (!level) answers.set(name, (level = new Map()));
      // The number of arguments first, so that calls of different arities never share a level.
      const keys = [args.length, ...args];
      for (let index = 0; index < keys.length - 1; index++) {
        let next = level.get(keys[index]) as Map<unknown, unknown> | undefined;
        if (!next) level.set(keys[index], (next = new Map()));
        level = next;
      }
      const last = keys.at(-1);
      if (!level.has(last)) level.set(last, lookup(...args));
      return level.get(last);
    };
  }
  for (const name of REGISTRATIONS) {
    const register = storage[name].bind(storage);
    storage[name] = (...args: unknown[]) => {
      answers = new Map();
      return register(...args);
    };
  }
}
