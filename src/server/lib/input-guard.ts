/**
 * Text PostgreSQL cannot store (NUL) or that is not text at all (a lone UTF-16 surrogate), and
 * structures nested deeper than any form produces, are refused before validation. The walk is
 * iterative so a hostile, deeply nested body cannot exhaust the stack.
 */
const NUL = String.fromCharCode(0);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const badText = (s: string) => s.includes(NUL) || LONE_SURROGATE.test(s);
export const MAX_DEPTH = 32;

export type InputProblem = 'bad_text' | 'too_deep' | null;

export function inspectInput(value: unknown): InputProblem {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (badText(v)) return 'bad_text';
    } else if (v && typeof v === 'object') {
      if (depth >= MAX_DEPTH) return 'too_deep';
      for (const [k, child] of Object.entries(v)) {
        if (badText(k)) return 'bad_text';
        stack.push([child, depth + 1]);
      }
    }
  }
  return null;
}
