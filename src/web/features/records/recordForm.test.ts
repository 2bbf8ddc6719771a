import { describe, expect, it } from 'vitest';
import { recordDataByKind } from '../../../common/api/records';
import { newRecordData, toApiData } from './recordForm';

describe('the entry form’s data as the server takes it', () => {
  it('a meeting typed with empty lists and untouched fields is accepted, times kept as typed', () => {
    // What the form holds after the user picked a theme and a time and left the rest alone.
    const typed = {
      ...newRecordData('theme_day'),
      theme: 'ideals',
      activity: 'visit',
      startTime: '09:00',
      endTime: undefined,
      platform: undefined,
      meetingNo: undefined,
      hostPersonId: undefined,
      attendees: undefined,
      agenda: undefined,
    };
    const parsed = recordDataByKind.theme_day.safeParse(toApiData('theme_day', typed));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data).toMatchObject({
      mode: 'in_person',
      startTime: '09:00',
      endTime: null,
      platform: '',
      hostPersonId: null,
      attendees: [],
      agenda: [],
    });
  });

  it('a study session’s agenda items and speeches reach the server as typed', () => {
    const agenda = [{ title: '议题', speeches: [{ speaker: '王建华', summary: '发言' }], decision: '' }];
    const data = toApiData('study', {
      ...newRecordData('study'),
      form: 'party_lecture',
      topic: '党课',
      agenda,
    });
    const parsed = recordDataByKind.study.safeParse(data);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.agenda).toEqual(agenda);
  });
});
