import type { JsonObject } from './json-fields.js';

export interface StoredConfigurationSet {
  name: string;
  sendingEnabled: boolean;
  /** The create request's option blocks, echoed by GetConfigurationSet. */
  options: JsonObject;
  tags: { Key: string; Value: string }[];
}

export interface ConfigurationSetStore {
  get(name: string): StoredConfigurationSet | undefined;
  set(set: StoredConfigurationSet): void;
  delete(name: string): boolean;
  list(): StoredConfigurationSet[];
  reset(): void;
}

export function createConfigurationSetStore(
  initial: readonly string[] | undefined,
): ConfigurationSetStore {
  const sets = new Map<string, StoredConfigurationSet>();
  const reset = () => {
    sets.clear();
    for (const name of initial ?? [])
      sets.set(name, { name, sendingEnabled: true, options: {}, tags: [] });
  };
  reset();
  return {
    get: (name) => sets.get(name),
    set: (set) => {
      sets.set(set.name, set);
    },
    delete: (name) => sets.delete(name),
    list: () => [...sets.values()],
    reset,
  };
}
