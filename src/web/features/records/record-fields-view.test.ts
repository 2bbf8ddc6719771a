import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ActionKind } from '../../../common/actions';
import type { RecordDetail } from '../../../common/api/records';
import type { Structure } from '../../../common/api/org';
import { recordFields, type FieldData, type FieldDef } from '../../../common/record-fields';
import { I18nProvider } from '../../app/i18n/I18nProvider';
import { messages } from '../../app/modules';
import { RecordFieldsView } from './RecordFieldsView';

const structure = {
  departments: [{ id: 2, name: '党建工作部', branchId: 1, active: true }],
  units: [],
  partyGroups: [{ id: 3, name: '第一党小组', branchId: 1, active: true }],
} as unknown as Structure;
const people: Record<number, string> = { 7: '王建华', 8: '李晓红' };

/** The read-only view of a record of `kind` holding `data`, as the browser first receives it. */
const viewOf = (kind: ActionKind, data: FieldData) =>
  renderToString(
    createElement(
      QueryClientProvider,
      { client: new QueryClient() },
      createElement(
        I18nProvider,
        { messages },
        createElement(RecordFieldsView, {
          record: { kind, data } as unknown as RecordDetail,
          structure,
          personName: (id: number) => people[id],
        }),
      ),
    ),
  );

/** The text of the value cell next to a label, tags stripped. */
function valueOf(html: string, label: string): string | undefined {
  const at = html.indexOf(`>${label}</`);
  if (at < 0) return undefined;
  const cell = /<td[^>]*class="[^"]*ant-descriptions-item-content[^"]*"[^>]*>([\s\S]*?)<\/td>/.exec(
    html.slice(at),
  );
  return cell?.[1]?.replace(/<[^>]+>/g, '').trim();
}

describe('the read-only view follows the field list', () => {
  it('shows each field under its label, choices by their label, people and groups by name', () => {
    const html = viewOf('study', {
      form: 'group_meeting',
      partyGroupId: 3,
      mode: 'in_person',
      topic: '学习新修订的条例',
      materialKinds: ['party_rules'],
      hostPersonId: 7,
      recorderPersonId: 8,
      place: '三楼党员活动室',
      lecturer: '不该出现',
    });
    const f = recordFields.study;
    expect(valueOf(html, f.form.zh)).toBe('党小组会');
    expect(valueOf(html, f.partyGroupId.zh)).toBe('第一党小组');
    expect(valueOf(html, f.mode.zh)).toBe(f.mode.options.in_person?.zh);
    expect(valueOf(html, f.topic.zh)).toBe('学习新修订的条例');
    expect(valueOf(html, f.materialKinds.zh)).toBe(f.materialKinds.options.party_rules.zh);
    expect(valueOf(html, f.hostPersonId.zh)).toBe('王建华');
    expect(valueOf(html, f.recorderPersonId.zh)).toBe('李晓红');
    expect(valueOf(html, f.place.zh)).toBe('三楼党员活动室');
    // Not a 党课: no lecturer, even one typed before the form changed; in person: no platform.
    expect(html).not.toContain(f.lecturer.zh);
    expect(html).not.toContain(f.platform.zh);
    // Empty text shows a dash.
    expect(valueOf(html, f.minutes.zh)).toBe('—');
  });

  it('keeps a platform typed before the meeting moved in person, and hides what no one types', () => {
    const html = viewOf('theme_day', { mode: 'in_person', platform: '腾讯会议' });
    expect(valueOf(html, recordFields.theme_day.platform.zh)).toBe('腾讯会议');
    expect(html).not.toContain(recordFields.theme_day.meetingNo.zh);

    const problem = viewOf('grassroots_problem', { description: '路灯不亮', problemId: 4 });
    expect(problem).not.toContain(recordFields.grassroots_problem.problemId.zh);
    expect(valueOf(problem, recordFields.grassroots_problem.description.zh)).toBe('路灯不亮');
  });

  it('names a revision’s type and department from the list’s choices and the organisation', () => {
    const html = viewOf('rule_revision', { ruleTitle: '请销假制度', ruleType: 'process', departmentId: 2 });
    expect(valueOf(html, recordFields.rule_revision.ruleType.zh)).toBe('流程');
    expect(valueOf(html, recordFields.rule_revision.departmentId.zh)).toBe('党建工作部');
  });

  it('a field added to a kind’s list appears in the view', () => {
    const study = recordFields.study as Record<string, FieldDef>;
    study.venueNote = { ...recordFields.study.materials, zh: '场地说明', en: 'Venue note', max: 300 };
    try {
      expect(valueOf(viewOf('study', { venueNote: '可容纳四十人' }), '场地说明')).toBe('可容纳四十人');
    } finally {
      delete study.venueNote;
    }
  });
});
