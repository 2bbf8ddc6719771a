import { describe, expect, it } from 'vitest';
import { actionKinds } from '../actions.js';
import { recordDataByKind } from '../api/records.js';
import { maxLengthOf, recordFields, type FieldDef } from './index.js';

/** A valid draft of each kind, so one field at a time can be pushed over its limit. */
const drafts: Record<string, Record<string, unknown>> = {
  study: { form: 'party_congress', mode: 'in_person', topic: '学习' },
  theme_day: { theme: 'ideals', activity: 'other' },
  rule_revision: { ruleTitle: '制度', ruleType: 'rule' },
  grassroots_problem: { description: '问题' },
  publicity: { kind: 'news' },
  optional: { description: '做法' },
};

describe('record field lists', () => {
  it('the limit the form shows is the limit the server keeps, for every text field', () => {
    let checked = 0;
    for (const kind of actionKinds) {
      const schema = recordDataByKind[kind];
      const base = { ...drafts[kind] };
      expect(schema.safeParse(base).success, kind).toBe(true);
      for (const [key, f] of Object.entries(recordFields[kind] as Record<string, FieldDef>)) {
        if (f.max === undefined) continue;
        expect(maxLengthOf(kind, key as never)).toBe(f.max);
        expect(schema.safeParse({ ...base, [key]: '字'.repeat(f.max) }).success, `${kind}.${key}`).toBe(true);
        expect(schema.safeParse({ ...base, [key]: '字'.repeat(f.max + 1) }).success, `${kind}.${key}`).toBe(
          false,
        );
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('every field has a Chinese and an English label', () => {
    for (const kind of actionKinds)
      for (const f of Object.values(recordFields[kind] as Record<string, FieldDef>)) {
        expect(f.zh.length).toBeGreaterThan(0);
        expect(f.en.length).toBeGreaterThan(0);
      }
  });
});
