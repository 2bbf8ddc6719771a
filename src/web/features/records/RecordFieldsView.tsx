import type { ReactNode } from 'react';
import { Descriptions, Grid, Tag, Typography } from 'antd';
import { problemMeasureLabels, type ActionKind } from '../../../common/actions';
import type { RecordDetail } from '../../../common/api/records';
import type { Structure } from '../../../common/api/org';
import {
  appliesTo,
  fieldsOf,
  type FieldData,
  type FieldDef,
  type Widget,
} from '../../../common/record-fields';
import { useChannelLabel } from './channels';
import { AgendaView, AttendeesView } from './MeetingView';
import { isAhead } from './FieldInput';
import { useI18n } from '../../app/i18n/useI18n';

type Spec = { key: string; field: FieldDef };

/** Fields that do not apply to this record (a lecturer outside a 党课), unless they hold a value. */
function shownFor(f: FieldDef, d: FieldData, key: string): boolean {
  if (appliesTo(f, d)) return true;
  const v = d[key];
  return !!f.viewWhenFilled && v !== '' && v !== null && v !== undefined;
}

/** What the view lists of a kind: its fields, in the entry form's order. */
function specsOf(kind: ActionKind): Spec[] {
  return fieldsOf(kind)
    .filter(([, f]) => f.widget !== 'none')
    .map(([key, field]) => ({ key, field }));
}

/** A value, or a dash when there is nothing (empty text or an empty list). */
function shown(v: ReactNode): ReactNode {
  const empty = v === '' || v === null || v === undefined || (Array.isArray(v) && v.length === 0);
  return empty ? <Typography.Text type="secondary">—</Typography.Text> : v;
}

const wideWidgets: ReadonlySet<Widget> = new Set(['long', 'measures', 'channels', 'agenda', 'attendees']);
const isWide = (s: Spec) => wideWidgets.has(s.field.widget);

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
  const value = ({ key, field: f }: Spec): ReactNode => {
    const v = d[key];
    const option = (code: unknown) =>
      typeof code === 'string' && f.options?.[code] ? pick(f.options[code]) : '';
    switch (f.widget) {
      case 'text':
      case 'date':
      case 'time':
        return typeof v === 'string' ? v : '';
      case 'number':
        return typeof v === 'number' ? String(v) : '';
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
      case 'select':
      case 'radio':
        return option(v);
      case 'multi':
        return (Array.isArray(v) ? (v as string[]) : [])
          .map((x) => option(x) || x)
          .join(lang === 'zh' ? '、' : ', ');
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
      case 'none':
        return '';
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
        specsOf(record.kind).filter((s) => shownFor(s.field, d, s.key)),
        columns,
      ).map(({ spec: s, span }) => ({
        key: s.key,
        // A planned date still ahead reads as planned (the leader approves a planned publication).
        label:
          s.field.planned && typeof d[s.key] === 'string' && isAhead(d[s.key] as string)
            ? t('field.planned', { label: pick(s.field) })
            : pick(s.field),
        span,
        children: shown(value(s)),
      }))}
    />
  );
}
