import type { AgendaItem, Attendee } from '../../../common/record-fields/index.js';
import { recordFields } from '../../../common/record-fields/index.js';
import { d, str, type LedgerRow, type Lookups } from './column-kit.js';
import type { Column } from './ledger-sheet.js';

// The facts every meeting (学习研讨, 主题党日) records, as the branches' record books list them:
// when, where (or on which platform), who hosted and recorded, who attended without being a
// member, and each agenda item with its speeches and decision. Headers are the field list's labels.

const F = recordFields.study;

const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

/** 14:30—16:00, or what there is of it. */
function timeOf(r: LedgerRow): string {
  const start = str(d(r).startTime);
  const end = str(d(r).endTime);
  return start || end ? `${start}—${end}` : '';
}

/** The place, and for an online or mixed meeting the platform and meeting number. */
function placeOf(r: LedgerRow): string {
  const online = [str(d(r).platform), str(d(r).meetingNo) && `${F.meetingNo.zh} ${str(d(r).meetingNo)}`]
    .filter(Boolean)
    .join(' ');
  return [str(d(r).place), online].filter(Boolean).join('\n');
}

/**
 * 1. 议题 / 决议:…, one item after another. What each speaker said is left to the meeting record
 * book (会议记录), which prints every meeting on its own pages: with the speeches, the study
 * ledger of the demo year printed on 182 pages for 49 meetings, one or two rows a page.
 */
function agendaOf(r: LedgerRow): string {
  return list<AgendaItem>(d(r).agenda)
    .map((item, i) =>
      [`${i + 1}. ${item.title}`, item.decision ? `决议:${item.decision}` : ''].filter(Boolean).join('\n'),
    )
    .join('\n');
}

/** The meeting's time, place, host, recorder and 列席 columns (after the date). */
export function meetingColumns(look: Lookups): Column<LedgerRow>[] {
  return [
    { header: '时间', width: 13, value: timeOf },
    { header: `${F.place.zh}或${F.platform.zh}`, width: 20, value: placeOf },
    { header: F.hostPersonId.zh, width: 10, value: (r) => look.person(d(r).hostPersonId) },
    { header: F.recorderPersonId.zh, width: 10, value: (r) => look.person(d(r).recorderPersonId) },
    {
      header: F.attendees.zh,
      width: 24,
      value: (r) =>
        list<Attendee>(d(r).attendees)
          .map((a) => (a.unit ? `${a.name}(${a.unit})` : a.name))
          .join('、'),
    },
  ];
}

/** A 党课's lecturer and their position. */
export const lecturerColumn: Column<LedgerRow> = {
  header: F.lecturer.zh,
  width: 16,
  value: (r) => {
    const name = str(d(r).lecturer);
    const position = str(d(r).lecturerPosition);
    return name && position ? `${name}(${position})` : name;
  },
};

/** The agenda items with what was decided. */
export const agendaColumn: Column<LedgerRow> = {
  header: `${F.agenda.zh}及决议`,
  width: 36,
  value: agendaOf,
};
