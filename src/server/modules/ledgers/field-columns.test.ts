import { describe, expect, it } from 'vitest';
import { recordFields, type FieldDef } from '../../../common/record-fields/index.js';
import type { LedgerRow, Lookups } from './column-kit.js';
import { recordColumns } from './ledger-columns.js';

const look: Lookups = {
  person: (id) => (id === 7 ? '王建华' : ''),
  department: () => '',
  unit: (id) => (id === 4 ? '检修班' : ''),
  channel: (code) => code,
  fileUrl: (id) => `/files/${id}`,
};
const row = (data: Record<string, unknown>) => ({ data }) as unknown as LedgerRow;
const headers = (kind: Parameters<typeof recordColumns>[0]) => recordColumns(kind, look).map((c) => c.header);

describe('ledger columns from the field list', () => {
  it('heads a field’s column with the paper ledger’s name and writes codes by their label', () => {
    const study = recordColumns('study', look);
    const form = study.find((c) => c.header === recordFields.study.form.heading)!;
    expect(form.width).toBe(recordFields.study.form.ledger);
    expect(form.value(row({ form: 'party_lecture' }))).toBe('党课');
    // The form's label (组织形式(三会一课)) is not the ledger's.
    expect(headers('study')).not.toContain(recordFields.study.form.zh);

    const problem = recordColumns('grassroots_problem', look);
    expect(problem.find((c) => c.header === '基层单位')!.value(row({ unitId: 4 }))).toBe('检修班');
    const resolved = problem.find((c) => c.header === '解决日期')!;
    expect(resolved.numFmt).toBe('yyyy-mm-dd');
    expect(resolved.value(row({ resolvedOn: '2026-03-05' }))).toEqual(new Date(Date.UTC(2026, 2, 5)));

    const tags = recordColumns('optional', look).find((c) => c.header === '标签')!;
    expect(tags.value(row({ tags: ['青年', '志愿'] }))).toBe('青年、志愿');
  });

  it('a field added to the list with a width shows in its kind’s ledger, before the evidence', () => {
    const study = recordFields.study as Record<string, FieldDef>;
    study.venueNote = { ...recordFields.study.materials, zh: '场地说明', en: 'Venue note', ledger: 20 };
    try {
      const list = headers('study');
      expect(list.indexOf('场地说明')).toBe(list.indexOf('佐证材料') - 1);
      const column = recordColumns('study', look).find((c) => c.header === '场地说明')!;
      expect(column.value(row({ venueNote: '可容纳四十人' }))).toBe('可容纳四十人');
      // Other kinds' ledgers are untouched.
      expect(headers('theme_day')).not.toContain('场地说明');
    } finally {
      delete study.venueNote;
    }
  });
});
