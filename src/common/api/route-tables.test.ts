/**
 * Every route table's answers read the same on both sides: the server encodes with the response
 * schema and the web (in development and tests) decodes with it, while production skips the parse.
 * A transform or a pipe in a response schema would make production see something else, so none is
 * allowed; this walks every table in src/common/api.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { RouteDef } from './route';

const tables = import.meta.glob<Record<string, Record<string, RouteDef>>>('./*.routes.ts', { eager: true });

/** The paths inside a schema where it transforms, e.g. `items[].name: pipe`. */
function transforms(schema: z.ZodType): string[] {
  const found: string[] = [];
  const seen = new Set<unknown>();
  const walk = (s: z.ZodType, at: string) => {
    if (seen.has(s)) return;
    seen.add(s);
    const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
    const inner = (k: string, next = at) => {
      const child = def[k];
      if (child) walk(child as z.ZodType, next);
    };
    switch (def.type) {
      case 'pipe':
      case 'transform':
        found.push(`${at || '(root)'}: ${def.type}`);
        return;
      case 'object':
        for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>))
          walk(child, at ? `${at}.${key}` : key);
        inner('catchall', `${at}.*`);
        return;
      case 'array':
        return inner('element', `${at}[]`);
      case 'record':
        return inner('valueType', `${at}.*`);
      case 'tuple':
        (def.items as z.ZodType[]).forEach((child, i) => walk(child, `${at}[${i}]`));
        return inner('rest', `${at}[]`);
      case 'union':
        for (const child of def.options as z.ZodType[]) walk(child, at);
        return;
      case 'intersection':
        inner('left');
        return inner('right');
      case 'lazy':
        return walk((def.getter as () => z.ZodType)(), at);
      default:
        // optional, nullable, default, readonly, catch, … wrap one schema.
        inner('innerType');
    }
  };
  walk(schema, '');
  return found;
}

describe('route tables', () => {
  it('finds the tables', () => {
    expect(Object.keys(tables).length).toBeGreaterThan(3);
  });

  it.each(Object.entries(tables))('%s: no response schema transforms', (_, mod) => {
    const problems: string[] = [];
    for (const table of Object.values(mod))
      for (const [name, route] of Object.entries(table)) {
        // A table file may export a schema beside its table; only routes have a method.
        if (typeof route !== 'object' || !('method' in route)) continue;
        for (const where of transforms(route.response)) problems.push(`${name} ${where}`);
      }
    expect(problems).toEqual([]);
  });

  it('catches a transform', async () => {
    const { z } = await import('zod');
    expect(transforms(z.object({ a: z.array(z.object({ b: z.string().transform(Number) })) }))).toEqual([
      'a[].b: pipe',
    ]);
  });
});
