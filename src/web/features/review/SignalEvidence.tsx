import type { IntegritySignal } from '../../../common/api/signals';
import { useI18n } from '../../app/i18n/useI18n';

type Evidence = Record<string, unknown>;
const quote = { margin: '4px 0', color: '#555' } as const;
const local = (iso: unknown) =>
  new Date(new Date(String(iso)).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * The evidence of the repeat and timing signals (the other record, the matched text, the times),
 * as the reviewer reads it to judge without opening the other record. The photo, text and
 * late-entry kinds are told in SignalsCard itself; here only the further records a file is in.
 */
export function SignalEvidence({ signal }: { signal: IntegritySignal }) {
  const { t } = useI18n();
  const e = signal.evidence as Evidence;
  const o = signal.other;
  const about = {
    branch: o?.branchName ?? '',
    title: o?.title ?? '',
    month: o?.periodKey ?? o?.occurredOn ?? '',
  };
  switch (signal.kind) {
    case 'same_photo':
    case 'same_file': {
      const also =
        (e.also as { recordId: number; title: string; branchName: string; periodKey: string | null }[]) ?? [];
      if (!also.length) return null;
      return (
        <>
          <div>{t('signals.also', { n: Number(e.matches) - 1 })}</div>
          <blockquote style={quote}>
            {also.map((a) => (
              <div key={a.recordId}>
                {a.branchName}《{a.title}》({a.periodKey ?? ''})
              </div>
            ))}
          </blockquote>
        </>
      );
    }
    case 'repeat_problem':
      return (
        <>
          {t('signals.problem', { ...about, similarity: Number(e.similarity).toFixed(2) })}
          <blockquote style={quote}>
            {t('signals.thisPassage')}:{String(e.description)}
            <br />
            {t('signals.otherPassage')}:{String(e.otherDescription)}
          </blockquote>
        </>
      );
    case 'repeat_publicity':
      return (
        <>
          {e.link
            ? t('signals.publicityLink', { ...about, link: String(e.link) })
            : t('signals.publicityTitle', { ...about, similarity: Number(e.similarity).toFixed(2) })}
          <blockquote style={quote}>
            {t('signals.thisPassage')}:{String(e.title)}
            <br />
            {t('signals.otherPassage')}:{String(e.otherTitle)}
          </blockquote>
        </>
      );
    case 'overlapping_attendance': {
      const people = (e.people as string[] | undefined) ?? [];
      return (
        <>
          {t('signals.overlap', {
            ...about,
            startTime: String(e.startTime),
            endTime: String(e.endTime),
            otherStart: String(e.otherStart),
            otherEnd: String(e.otherEnd),
            count: people.length,
          })}
          <blockquote style={quote}>{people.join('、')}</blockquote>
        </>
      );
    }
    case 'sign_in_outside': {
      const signIns = (e.signIns as { name: string; date: string; time: string }[] | undefined) ?? [];
      return (
        <>
          {t('signals.signIn', {
            startTime: String(e.startTime),
            endTime: String(e.endTime),
            grace: Number(e.graceMinutes),
          })}
          <blockquote style={quote}>
            {signIns.map((s) => (
              <div key={`${s.name}${s.date}${s.time}`}>
                {s.name} {s.date} {s.time}
              </div>
            ))}
          </blockquote>
        </>
      );
    }
    case 'deadline_rush': {
      const records = (e.records as { id: number; title: string; createdAt: string }[] | undefined) ?? [];
      return (
        <>
          {t('signals.rush', {
            periodKey: String(e.periodKey),
            count: records.length,
            minutes: Number(e.minutes),
            dueDate: String(e.dueDate),
          })}
          <blockquote style={quote}>
            {records.map((r) => (
              <div key={r.id}>
                {local(r.createdAt)} 《{r.title}》
              </div>
            ))}
          </blockquote>
        </>
      );
    }
    case 'same_attendance':
      return t('signals.sameAttendance', {
        meetings: Number(e.meetings),
        dates: ((e.dates as string[] | undefined) ?? []).join('、'),
        present: Number(e.present),
      });
    default:
      return null;
  }
}
