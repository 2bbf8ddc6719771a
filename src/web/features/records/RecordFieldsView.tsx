import type { ReactNode } from 'react';
import { Descriptions, Grid, Tag, Typography } from 'antd';
import {
  meetingModeLabels,
  problemMeasureLabels,
  publicityKindLabels,
  studyFormLabels,
  studyMaterialLabels,
  themeDayActivityLabels,
  themeDayThemeLabels,
  type ActionKind,
} from '../../../common/actions';
import type { RecordDetail } from '../../../common/api/records';
import type { Structure } from '../../../common/api/org';
import type { MessageKey } from '../../app/i18n/messages';
import { recordFields, type FieldDef } from '../../../common/record-fields';
import { useChannelLabel } from './channels';
import { modeUses } from '../../../common/meeting-checks';
import { AgendaView, AttendeesView } from './MeetingView';
import { useI18n } from '../../app/i18n/useI18n';

type Labels = Record<string, { zh: string; en: string }>;
/** A label from the message catalogue, or straight from the field list for fields added there. */
type Label = MessageKey | { zh: string; en: string };
type Spec =
  | {
      key: string;
      label: Label;
      type: 'text' | 'long' | 'date' | 'person' | 'department' | 'unit' | 'group';
    }
  | { key: string; label: MessageKey; type: 'enum' | 'enums'; labels: Labels }
  | {
      key: string;
      label: Label;
      type: 'ruleType' | 'measures' | 'channels' | 'tags' | 'attendees' | 'agenda';
    };

const mf = recordFields.study;
/** The meeting's facts, shown the same way for a study session and a theme day. */
const meetingSpecs = (lecture: boolean): Spec[] => [
  ...(lecture
    ? [
        { key: 'lecturer', label: mf.lecturer, type: 'text' } as const,
        { key: 'lecturerPosition', label: mf.lecturerPosition, type: 'text' } as const,
      ]
    : []),
  { key: 'startTime', label: mf.startTime, type: 'text' },
  { key: 'endTime', label: mf.endTime, type: 'text' },
  { key: 'place', label: 'field.place', type: 'text' },
  { key: 'platform', label: mf.platform, type: 'text' },
  { key: 'meetingNo', label: mf.meetingNo, type: 'text' },
  { key: 'hostPersonId', label: 'field.host', type: 'person' },
  { key: 'recorderPersonId', label: 'field.recorder', type: 'person' },
  { key: 'attendees', label: mf.attendees, type: 'attendees' },
  { key: 'agenda', label: mf.agenda, type: 'agenda' },
];

/** What each kind shows, in the order of the entry form. */
const specs: Record<ActionKind, Spec[]> = {
  study: [
    { key: 'form', label: 'field.study.form', type: 'enum', labels: studyFormLabels },
    { key: 'partyGroupId', label: 'field.study.partyGroup', type: 'group' },
    { key: 'mode', label: 'field.study.mode', type: 'enum', labels: meetingModeLabels },
    { key: 'topic', label: 'field.study.topic', type: 'text' },
    { key: 'materialKinds', label: 'field.study.materialKinds', type: 'enums', labels: studyMaterialLabels },
    { key: 'materials', label: 'field.study.materials', type: 'long' },
    ...meetingSpecs(true),
    { key: 'minutes', label: 'field.study.minutes', type: 'long' },
    { key: 'decisions', label: 'field.study.decisions', type: 'long' },
  ],
  theme_day: [
    { key: 'theme', label: 'field.theme.theme', type: 'enum', labels: themeDayThemeLabels },
    { key: 'activity', label: 'field.theme.activity', type: 'enum', labels: themeDayActivityLabels },
    { key: 'mode', label: 'field.study.mode', type: 'enum', labels: meetingModeLabels },
    ...meetingSpecs(false),
    { key: 'summary', label: 'field.theme.summary', type: 'long' },
  ],
  rule_revision: [
    { key: 'ruleTitle', label: 'field.rule.ruleTitle', type: 'text' },
    { key: 'ruleType', label: 'field.rule.ruleType', type: 'ruleType' },
    { key: 'departmentId', label: 'field.rule.department', type: 'department' },
    { key: 'gap', label: 'field.rule.gap', type: 'long' },
    { key: 'opinionsSolicited', label: 'field.rule.opinions', type: 'long' },
    { key: 'changeSummary', label: 'field.rule.changeSummary', type: 'long' },
    { key: 'publishedOn', label: 'field.rule.publishedOn', type: 'date' },
    { key: 'documentNo', label: 'field.rule.documentNo', type: 'text' },
    { key: 'releaseForm', label: 'field.rule.releaseForm', type: 'text' },
  ],
  grassroots_problem: [
    { key: 'unitId', label: 'field.problem.unit', type: 'unit' },
    { key: 'raisedBy', label: 'field.problem.raisedBy', type: 'text' },
    { key: 'category', label: 'field.problem.category', type: 'text' },
    { key: 'description', label: 'field.problem.description', type: 'long' },
    { key: 'measures', label: 'field.problem.measures', type: 'measures' },
    { key: 'resolvedOn', label: 'field.problem.resolvedOn', type: 'date' },
    { key: 'outcome', label: 'field.problem.outcome', type: 'long' },
  ],
  publicity: [
    { key: 'kind', label: 'field.publicity.kind', type: 'enum', labels: publicityKindLabels },
    { key: 'author', label: 'field.publicity.author', type: 'text' },
    { key: 'channels', label: 'field.publicity.channels', type: 'channels' },
    { key: 'highlights', label: 'field.publicity.highlights', type: 'long' },
  ],
  optional: [
    { key: 'category', label: 'field.optional.category', type: 'text' },
    { key: 'description', label: 'field.optional.description', type: 'long' },
    { key: 'novelty', label: 'field.optional.novelty', type: 'long' },
    { key: 'tags', label: 'field.optional.tags', type: 'tags' },
  ],
};

/**
 * Text fields of the field list that the hand-laid form and view do not show yet (their specs are
 * the form's fields, in its order), so a field added to the list appears without another edit.
 */
export function addedTextFields(kind: ActionKind): { key: string; field: FieldDef }[] {
  const known = new Set(specs[kind].map((s) => s.key));
  return Object.entries(recordFields[kind] as Record<string, FieldDef>)
    .filter(([key, f]) => f.max !== undefined && !known.has(key))
    .map(([key, field]) => ({ key, field }));
}

/** Fields that do not apply to this record: a lecturer outside a 党课, a platform in person… */
function applies(s: Spec, d: Record<string, unknown>): boolean {
  if (s.key === 'lecturer' || s.key === 'lecturerPosition') return d.form === 'party_lecture';
  // The group is named only by a 党小组会.
  if (s.key === 'partyGroupId') return d.form === 'group_meeting';
  if (s.key === 'platform' || s.key === 'meetingNo') return modeUses(d.mode).online || !!d[s.key];
  if (s.key === 'place') return modeUses(d.mode).place || !!d.place;
  return true;
}

function specsOf(kind: ActionKind): Spec[] {
  const added = addedTextFields(kind).map(({ key, field: f }): Spec => ({
    key,
    label: { zh: f.zh, en: f.en },
    type: (f.max ?? 0) > 200 ? 'long' : 'text',
  }));
  return [...specs[kind], ...added];
}

/** A value, or a dash when there is nothing (empty text or an empty list). */
function shown(v: ReactNode): ReactNode {
  const empty = v === '' || v === null || v === undefined || (Array.isArray(v) && v.length === 0);
  return empty ? <Typography.Text type="secondary">—</Typography.Text> : v;
}

const isWide = (s: Spec) =>
  s.type === 'long' ||
  s.type === 'measures' ||
  s.type === 'channels' ||
  s.type === 'agenda' ||
  s.type === 'attendees';

/**
 * Spans that keep the form's order: long text and lists take a whole row; short values sit side
 * by side, and a short value left alone before a long one stretches to the end of its row.
 */
function layout(list: Spec[], columns: number): { spec: Spec; span: number }[] {
  const out: { spec: Spec; span: number }[] = [];
  let used = 0;
  for (const spec of list) {
    if (isWide(spec)) {
      const last = out.at(-1);
      if (used > 0 && last) last.span += columns - used;
      out.push({ spec, span: columns });
      used = 0;
    } else {
      out.push({ spec, span: 1 });
      used = (used + 1) % columns;
    }
  }
  const last = out.at(-1);
  if (used > 0 && last) last.span += columns - used;
  return out;
}

const rowsOf = (v: unknown) => (Array.isArray(v) ? (v as Record<string, string | number | null>[]) : []);
const nameIn = (list: { id: number; name: string }[] | undefined, id: unknown) =>
  list?.find((x) => x.id === id)?.name ?? (id == null ? '' : `#${String(id)}`);
/** Long text keeps its line breaks, as plain text (never markup). */
const Long = ({ text }: { text: string }) => (
  <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{text}</div>
);

interface Props {
  record: RecordDetail;
  structure?: Structure;
  /** Names of people by id (the attendance list and, where visible, the branch roster). */
  personName: (id: number) => string | undefined;
}

/** A record's kind-specific fields, read-only, with Chinese labels. */
export function RecordFieldsView({ record, structure, personName }: Props) {
  const { t, pick, lang } = useI18n();
  const channelLabel = useChannelLabel();
  const screens = Grid.useBreakpoint();
  const isPhone = !(screens.sm ?? true);
  const columns = screens.md ? 2 : 1;
  const d = record.data;
  const value = (s: Spec): ReactNode => {
    const v = d[s.key];
    switch (s.type) {
      case 'text':
      case 'date':
        return typeof v === 'string' ? v : '';
      case 'long':
        return typeof v === 'string' && v ? <Long text={v} /> : '';
      case 'person':
        return typeof v === 'number' ? (personName(v) ?? `#${v}`) : '';
      case 'department':
        return nameIn(structure?.departments, v);
      case 'group':
        return nameIn(structure?.partyGroups, v);
      case 'unit':
        return nameIn(structure?.units, v);
      case 'enum':
        return typeof v === 'string' && s.labels[v] ? pick(s.labels[v]) : '';
      case 'enums':
        return (Array.isArray(v) ? (v as string[]) : [])
          .map((x) => (s.labels[x] ? pick(s.labels[x]) : x))
          .join(lang === 'zh' ? '、' : ', ');
      case 'ruleType':
        return v === 'process' ? t('field.rule.process') : v === 'rule' ? t('field.rule.rule') : '';
      case 'measures':
        return rowsOf(v).map((m, i) => (
          <div key={i}>
            {m.date} ·{' '}
            {pick(problemMeasureLabels[m.kind as keyof typeof problemMeasureLabels] ?? { zh: '', en: '' })}
            {m.note && `:${m.note}`}
          </div>
        ));
      case 'channels':
        return rowsOf(v).map((c, i) => (
          <div key={i} style={{ wordBreak: 'break-all' }}>
            {channelLabel(String(c.channel))} · {c.publishedOn}
            {c.link && ` · ${c.link}`}
            {c.views != null && ` · ${t('field.publicity.views')} ${c.views}`}
            {c.likes != null && ` · ${t('field.publicity.likes')} ${c.likes}`}
          </div>
        ));
      case 'tags':
        return (Array.isArray(v) ? (v as string[]) : []).map((tag) => <Tag key={tag}>{tag}</Tag>);
      case 'attendees':
        return rowsOf(v).length ? <AttendeesView attendees={v} /> : '';
      case 'agenda':
        return rowsOf(v).length ? <AgendaView agenda={v} /> : '';
    }
  };
  return (
    <Descriptions
      column={columns}
      size="small"
      // On a phone each label sits above its value; elsewhere a bordered table.
      bordered={!isPhone}
      layout={isPhone ? 'vertical' : 'horizontal'}
      styles={{ label: isPhone ? { paddingBottom: 0 } : { whiteSpace: 'nowrap' } }}
      items={layout(
        specsOf(record.kind).filter((s) => applies(s, d)),
        columns,
      ).map(({ spec: s, span }) => ({
        key: s.key,
        label: typeof s.label === 'string' ? t(s.label) : pick(s.label),
        span,
        children: shown(value(s)),
      }))}
    />
  );
}
