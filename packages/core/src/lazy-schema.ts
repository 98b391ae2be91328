import { type Zod, zod } from './zod-runtime.js';

const lazyTarget = Symbol('lazySchema.target');

/**
 * A schema built on first use: `lazySchema((z) => z.object({ ... }))` is the schema
 * `build(z)` returns, in its type and in what it does, but zod is loaded and `build` runs only
 * when the schema is first touched (parsed, composed into another schema, read). An import
 * that never validates anything pays for neither.
 *
 * It is a proxy: every property read, method call and `instanceof` reaches the built schema,
 * with methods bound to it, so zod's metadata (`.meta()`, `.describe()`) reads the built
 * schema's registry entry. Only its identity differs (`lazy !== built`); `unwrapLazySchema`
 * returns the built schema.
 */
export function lazySchema<Schema extends object>(build: (z: Zod) => Schema): Schema {
  let built: Schema | undefined;
  const bound = new Map<PropertyKey, unknown>();
  const schema = (): Schema => {
    built ??= build(zod());
    return built;
  };
  return new Proxy({} as Schema, {
    get(_target, key) {
      if (key === lazyTarget) return schema();
      const real = schema();
      const value: unknown = Reflect.get(real, key, real);
      // `constructor` stays itself (zod clones with `new schema.constructor(def)`).
      if (typeof value !== 'function' || key === 'constructor') return value;
      let method = bound.get(key) as { fn: unknown; bound: unknown } | undefined;
      if (method?.fn !== value) {
        method = { fn: value, bound: (value as (...args: unknown[]) => unknown).bind(real) };
        bound.set(key, method);
      }
      return method.bound;
    },
    set: (_target, key, value) => Reflect.set(schema(), key, value),
    has: (_target, key) => key === lazyTarget || Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    getOwnPropertyDescriptor(_target, key) {
      const descriptor = Reflect.getOwnPropertyDescriptor(schema(), key);
      // A proxy may not report a property non-configurable that its (empty) target lacks.
      return descriptor && { ...descriptor, configurable: true };
    },
    defineProperty: (_target, key, descriptor) => Reflect.defineProperty(schema(), key, descriptor),
    deleteProperty: (_target, key) => Reflect.deleteProperty(schema(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
  });
}

/** The schema a `lazySchema` stands for (building it), or `schema` itself. */
export function unwrapLazySchema<Schema>(schema: Schema): Schema {
  if (typeof schema !== 'object' || schema === null || !(lazyTarget in schema)) return schema;
  return (schema as Record<typeof lazyTarget, Schema>)[lazyTarget];
}
