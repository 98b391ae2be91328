import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { lazySchema, unwrapLazySchema } from './lazy-schema.js';
import { isSecretSchema, secret, secretFieldsOf } from './secrets.js';

describe('lazySchema', () => {
  it('builds the schema once, on first use', () => {
    const build = vi.fn((zod: typeof z) => zod.object({ name: zod.string().min(1) }));
    const schema = lazySchema(build);
    expect(build).not.toHaveBeenCalled();
    expect(schema.parse({ name: 'Ada' })).toEqual({ name: 'Ada' });
    expect(schema.safeParse({ name: '' }).success).toBe(false);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('hands the builder the same zod the app imports', () => {
    const schema = lazySchema((zod) => {
      expect(zod.object).toBe(z.object);
      return zod.string();
    });
    expect(schema instanceof z.ZodString).toBe(true);
    expect(schema.constructor).toBe(z.ZodString);
  });

  it('composes like the schema it stands for', () => {
    const name = lazySchema((zod) => zod.string().min(1, 'name must not be empty'));
    const person = z.object({ name, nick: name.optional() });
    expect(person.parse({ name: 'Ada' })).toEqual({ name: 'Ada' });
    expect(person.safeParse({ name: '' }).error?.issues[0]?.message).toBe('name must not be empty');
    const object = lazySchema((zod) => zod.object({ a: zod.number() }));
    expect(Object.keys(object.shape)).toEqual(['a']);
    expect(object.extend({ b: z.string() }).parse({ a: 1, b: 'x' })).toEqual({ a: 1, b: 'x' });
    expect(z.toJSONSchema(object)).toMatchObject({ type: 'object', required: ['a'] });
  });

  it('keeps methods bound to the built schema, so metadata reads its registry entry', () => {
    const described = lazySchema((zod) => zod.string().describe('a name'));
    expect(described.description).toBe('a name');
    expect(described.meta()).toEqual({ description: 'a name' });
    expect(described.parse).toBe(described.parse);
  });

  it('is a secret when the built schema is, and its secret fields are found', () => {
    const token = lazySchema(() => secret(z.string()));
    expect(isSecretSchema(token)).toBe(true);
    const config = lazySchema((zod) => zod.object({ token, user: zod.string() }));
    expect(secretFieldsOf(config)).toEqual(['token']);
  });

  it('unwraps to the built schema, and leaves other values alone', () => {
    const schema = lazySchema((zod) => zod.boolean());
    const built = unwrapLazySchema(schema);
    expect(built).not.toBe(schema);
    expect(built instanceof z.ZodBoolean).toBe(true);
    expect(unwrapLazySchema(schema)).toBe(built);
    const plain = z.string();
    expect(unwrapLazySchema(plain)).toBe(plain);
    expect(unwrapLazySchema(null)).toBe(null);
  });

  it('reports the built schema’s own keys and descriptors', () => {
    const schema = lazySchema((zod) => zod.number());
    expect(Reflect.ownKeys(schema)).toEqual(Reflect.ownKeys(unwrapLazySchema(schema)));
    expect(Object.getOwnPropertyDescriptor(schema, '_zod')).toBeDefined();
    expect('_zod' in schema).toBe(true);
    expect(Object.getPrototypeOf(schema)).toBe(Object.getPrototypeOf(unwrapLazySchema(schema)));
  });
});
