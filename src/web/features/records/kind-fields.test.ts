import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { Form } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { actionKinds, type ActionKind } from '../../../common/actions';
import type { Structure } from '../../../common/api/org';
import {
  fieldsOf,
  recordFields,
  requiredInDraft,
  type FieldData,
  type FieldDef,
} from '../../../common/record-fields';
import { I18nProvider } from '../../app/i18n/I18nProvider';
import { messages } from '../../app/modules';
import { KindFields } from './KindFields';
import { templateToForm } from './recordForm';

/**
 * Values that show every field that depends on another: a 党课's lecturer, and both the place and
 * the online platform of a meeting held in person and online.
 */
const showingAll: Record<string, Record<string, unknown>> = {
  study: { form: 'party_lecture', mode: 'mixed' },
  theme_day: { mode: 'mixed' },
  // An effect's figures are asked for once it is named.
  rule_revision: { indicatorName: '报销审批环节' },
  grassroots_problem: { effectName: '群众等待天数' },
};

const structure = {
  departments: [{ id: 2, name: '党建工作部', branchId: 1, active: true }],
  units: [{ id: 4, name: '检修班', active: true }],
  partyGroups: [
    { id: 3, name: '第一党小组', branchId: 1, active: true },
    { id: 5, name: '别的支部的小组', branchId: 9, active: true },
  ],
} as unknown as Structure;

/** The entry form of one kind as the browser first receives it, holding `data`. */
const formOf = (kind: ActionKind, data: FieldData = showingAll[kind] ?? {}) =>
  renderToString(
    // Queries (the configured publicity channels) do not run during a server render.
    createElement(
      QueryClientProvider,
      { client: new QueryClient() },
      createElement(
        I18nProvider,
        { messages },
        createElement(
          Form,
          { initialValues: { data: templateToForm(kind, data) } },
          createElement(KindFields, { kind, people: [], structure, branchId: 1 }),
        ),
      ),
    ),
  );

const typed = (kind: ActionKind) => fieldsOf(kind).filter(([, f]) => f.widget !== 'none');
/** The label element antd draws for a field: its `title` is the label's text. */
const labelOf = (html: string, f: FieldDef) =>
  new RegExp(`<label[^>]*title="${f.zh.replace(/[()/]/g, '\\$&')}"[^>]*>`).exec(html)?.[0];

describe('the entry form follows the field list', () => {
  it('every text field of every kind is in the form, limited to the length the server keeps', () => {
    for (const kind of actionKinds) {
      const html = formOf(kind);
      for (const [key, f] of Object.entries(recordFields[kind] as Record<string, FieldDef>)) {
        if (f.max === undefined) continue;
        // antd names each input after its form path: data_<key>.
        const input = new RegExp(`<(input|textarea)[^>]*id="data_${key}"[^>]*>`).exec(html)?.[0];
        expect(input, `${kind}.${key}`).toBeDefined();
        expect(input, `${kind}.${key}`).toContain(`maxLength="${f.max}"`);
      }
    }
  });

  it('shows every field a branch types, under its Chinese label, in the order of the list', () => {
    for (const kind of actionKinds) {
      const html = formOf(kind);
      let at = 0;
      for (const [key, f] of typed(kind)) {
        // A 党小组会's group is asked for only then (below); the rest shows for these values.
        if (key === 'partyGroupId') continue;
        const found = html.indexOf(`title="${f.zh}"`, at);
        expect(found, `${kind}.${key} after the field before it`).toBeGreaterThan(at);
        at = found;
      }
    }
  });

  it('marks as required exactly the fields a draft cannot be saved without', () => {
    for (const kind of actionKinds) {
      const html = formOf(kind, { ...showingAll[kind], form: 'group_meeting' });
      for (const [key, f] of typed(kind)) {
        const label = labelOf(html, f);
        if (!label) continue; // an editor of its own, or not shown for these values
        expect(label.includes('ant-form-item-required'), `${kind}.${key}`).toBe(requiredInDraft(f));
      }
    }
    // The schema asks for a topic, a form and a mode; the group because a 党小组会 needs one.
    const html = formOf('study', { form: 'group_meeting', mode: 'online' });
    for (const key of ['form', 'partyGroupId', 'mode', 'topic'] as const)
      expect(labelOf(html, recordFields.study[key]), key).toContain('ant-form-item-required');
    expect(labelOf(html, recordFields.study.materials)).not.toContain('ant-form-item-required');
  });

  it('asks for a field only where the record’s other fields call for it', () => {
    const lecture = formOf('study', { form: 'party_lecture', mode: 'in_person' });
    expect(lecture).toContain('id="data_lecturer"');
    expect(lecture).not.toContain('id="data_partyGroupId"');
    // In person: the place, no platform.
    expect(lecture).toContain('id="data_place"');
    expect(lecture).not.toContain('id="data_platform"');

    const group = formOf('study', { form: 'group_meeting', mode: 'online', partyGroupId: 3 });
    expect(group).not.toContain('id="data_lecturer"');
    expect(group).toContain('id="data_partyGroupId"');
    expect(group).toContain('党小组会的应到人员为该党小组的党员');
    // The chosen group is shown by name; online: platform and meeting number, no place.
    expect(group).toContain('title="第一党小组"');
    expect(group).toContain('id="data_meetingNo"');
    expect(group).not.toContain('id="data_place"');
  });

  it('offers the choices of the field list and shows its hints', () => {
    const study = formOf('study');
    const kinds = recordFields.study.materialKinds.options;
    for (const option of Object.values(kinds)) expect(study).toContain(`>${option.zh}<`);
    // Placeholders come from the list too.
    expect(study).toContain('placeholder="如:腾讯会议、钉钉"');

    const revision = formOf('rule_revision', { ruleType: 'process', departmentId: 2 });
    expect(revision).toMatch(/<input[^>]*type="radio"[^>]*checked=""[^>]*value="process"/);
    expect(revision).toContain('title="党建工作部"');
    expect(revision).toContain('制度修订计入发布日期所在的月份。');

    const problem = formOf('grassroots_problem', { unitId: 4, measures: [] });
    expect(problem).toContain('title="检修班"');
    expect(problem).toContain(`title="${recordFields.grassroots_problem.measures.zh}"`);
  });

  it('a field added to a kind’s list appears in the form with its label and limit', () => {
    const study = recordFields.study as Record<string, FieldDef>;
    study.venueNote = { ...recordFields.study.materials, zh: '场地说明', en: 'Venue note', max: 300 };
    try {
      const html = formOf('study');
      expect(html).toContain('title="场地说明"');
      expect(html).toMatch(/<textarea[^>]*id="data_venueNote"[^>]*maxLength="300"/);
      // Last in the list, so last in the form.
      expect(html.indexOf('title="场地说明"')).toBeGreaterThan(html.indexOf('title="形成的意见或措施"'));
    } finally {
      delete study.venueNote;
    }
  });
});
