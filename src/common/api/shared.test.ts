import { describe, expect, it } from 'vitest';
import { monthKey, periodKey } from './shared.js';

/** Every filter by month or period goes through these two: a typo must be refused, not match nothing. */
describe('month and period keys', () => {
  it('take real months, and quarters only as periods', () => {
    for (const ok of ['2026-01', '2026-09', '2026-12']) {
      expect(monthKey.safeParse(ok).success).toBe(true);
      expect(periodKey.safeParse(ok).success).toBe(true);
    }
    expect(periodKey.safeParse('2026-Q2').success).toBe(true);
    expect(monthKey.safeParse('2026-Q2').success).toBe(false);
  });

  it('refuse what is not one, with a Chinese message', () => {
    for (const bad of ['2026-00', '2026-13', '2026-3', '26-03', '2026-Q5', '2026-03 ', '2026/03', '']) {
      const month = monthKey.safeParse(bad);
      const period = periodKey.safeParse(bad);
      expect(month.success, bad).toBe(false);
      expect(period.success, bad).toBe(false);
      expect(month.error!.issues[0]!.message).toMatch(/^月份格式/);
      expect(period.error!.issues[0]!.message).toMatch(/^期间格式/);
    }
  });
});
