import { expect } from 'vitest';

/**
 * Return URLs an attacker puts in a sign-in link to send the freshly signed-in user to their own
 * page: protocol-relative, absolute, backslash forms browsers read as "//", whitespace inside,
 * other schemes, and the same once and twice percent-encoded (the query string decodes once).
 */
export const OFF_SITE_RETURNS = [
  '//evil.example/x',
  'https://evil.example/',
  'http://127.0.0.1@evil.example/',
  '/\\evil.example',
  '\\\\evil.example',
  '/\\/evil.example',
  '/\t/evil.example',
  '/ /evil.example',
  'javascript:alert(1)',
  'https:evil.example',
  '%2F%2Fevil.example',
  '%252F%252Fevil.example',
  '%5C%5Cevil.example',
  'https%3A%2F%2Fevil.example',
  'evil.example',
] as const;

/** A redirect target is a path of this site: resolved against the site, it stays on it. */
export function expectLocalPath(location: unknown, base: string, what: string): void {
  expect(typeof location, what).toBe('string');
  const target = location as string;
  expect(
    target.startsWith('/') && !target.startsWith('//') && !/[\\\s]/.test(target),
    `${what} → ${target}`,
  ).toBe(true);
  expect(new URL(target, base).origin, `${what} → ${target}`).toBe(new URL(base).origin);
}
