import { Typography } from 'antd';
import type { AgendaItem, Attendee } from '../../../common/record-fields';
import { useI18n } from '../../app/i18n/useI18n';

const list = <T,>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const text = { whiteSpace: 'pre-wrap', wordBreak: 'break-word' } as const;

/** 列席人员: name and unit, one per line. */
export function AttendeesView({ attendees }: { attendees: unknown }) {
  const { lang } = useI18n();
  return list<Attendee>(attendees).map((a, i) => (
    <div key={i} style={text}>
      {a.name}
      {a.unit && (lang === 'zh' ? `(${a.unit})` : ` (${a.unit})`)}
    </div>
  ));
}

/** 议题 in order, each with its speeches (发言摘要) and decision (决议). */
export function AgendaView({ agenda }: { agenda: unknown }) {
  const { t } = useI18n();
  const colon = t('meeting.colon');
  return (
    <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid="agenda-view">
      {list<AgendaItem>(agenda).map((item, i) => (
        <li key={i} style={{ marginBottom: 8 }}>
          <Typography.Text strong style={text}>
            {item.title}
          </Typography.Text>
          {list<AgendaItem['speeches'][number]>(item.speeches).map((s, j) => (
            <div key={j} style={text}>
              <Typography.Text type="secondary">{s.speaker}</Typography.Text>
              {colon}
              {s.summary}
            </div>
          ))}
          {item.decision && (
            <div style={text}>
              <Typography.Text strong>{t('meeting.decision')}</Typography.Text>
              {colon}
              {item.decision}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
