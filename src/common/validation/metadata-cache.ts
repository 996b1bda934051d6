import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];

let installed = false;

/**
 * class-validator looks up a class's checks on every `validate` call by filtering its whole registry
 * (every decorated class, for inheritance) and grouping the result by property. The checks of a class
 * do not change once its module is loaded, so both answers are kept per class and options; a check
 * registered later (a class defined afterwards) empties the cache.
 */
export function cacheValidationMetadata(): void {
  if (installed) return;
  installed = true;
  const storage = getMetadataStorage();
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const register = storage.addValidationMetadata.bind(storage);
  let found = new Map<unknown, Map<string, ValidationMetadata[]>>();
  let grouped = new WeakMap<ValidationMetadata[], Record<string, ValidationMetadata[]>>();

  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let ofTarget = found.get(target);
    if (!ofTarget) found.set(target, (ofTarget = new Map()));
    let metadatas = ofTarget.get(key);
    if (!metadatas) ofTarget.set(key, (metadatas = lookup(target, schema, always, strictGroups, groups)));
    return metadatas;
  };
  storage.groupByPropertyName = (metadatas) => {
    let byProperty = grouped.get(metadatas);
    if (!byProperty) grouped.set(metadatas, (byProperty = group(metadatas)));
    return byProperty;
  };
  storage.addValidationMetadata = (metadata) => {
    found = new Map();
    grouped = new WeakMap();
    register(metadata);
  };
}
