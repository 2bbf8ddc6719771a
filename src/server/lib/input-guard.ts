/**
 * Text PostgreSQL cannot store (NUL) or that is not text at all (a lone UTF-16 surrogate), and
 * structures nested deeper than any form produces, are refused before validation. The walk is
 * iterative so a hostile, deeply nested body cannot exhaust the stack.
 */
const NUL = String.fromCharCode(0);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/**
 * Direction overrides and isolates make text read differently from what is stored; a string of
 * nothing but invisible format characters and spaces looks empty yet passes "required". Other
 * format characters (a joiner inside an emoji) stay allowed within visible text.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
const ONLY_INVISIBLE = /^[\s\p{Cf}]+$/u;
const badText = (s: string) =>
  s.includes(NUL) ||
  LONE_SURROGATE.test(s) ||
  BIDI_CONTROL.test(s) ||
  (ONLY_INVISIBLE.test(s) && /\p{Cf}/u.test(s));
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
