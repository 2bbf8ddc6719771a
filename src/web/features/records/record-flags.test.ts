import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { MemoryRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Grant } from '../../../common/api/auth';
import type { Structure } from '../../../common/api/org';
import type { RecordDetail } from '../../../common/api/records';
import { I18nProvider } from '../../app/i18n/I18nProvider';
import { messages } from '../../app/modules';
import { SessionUserContext, type SessionUser } from '../auth/auth.api';
import { structureQueryKey } from '../org/org.api';
import { recordQueryKey } from './records.api';
import { RecordPage } from './RecordPage';

const grant = (role: Grant['role'], branchId: number | null): Grant => ({
  role,
  branchId,
  grassrootsUnitId: null,
  departmentIds: [],
});
/** The branch's own secretary: by role alone, the one who writes its records. */
const secretary = {
  id: 5,
  username: 'zhibu1',
  grants: [grant('branch_secretary', 1)],
} as unknown as SessionUser;
const committee = { id: 6, username: 'jiguan', grants: [grant('committee', null)] } as unknown as SessionUser;

const record = (can: RecordDetail['can']): RecordDetail => ({
  id: 7,
  campaignId: 1,
  branchId: 1,
  branchName: '机关第一党支部',
  kind: 'study',
  title: '六月集中学习',
  occurredOn: '2026-06-10',
  countsOn: '2026-06-10',
  periodKey: '2026-06',
  taskId: 3,
  status: 'returned',
  submittedLate: false,
  submittedAt: null,
  version: 2,
  createdAt: '2026-06-10T02:00:00.000Z',
  updatedAt: '2026-06-11T02:00:00.000Z',
  data: { topic: '学习党章', form: 'general_meeting', mode: 'in_person' },
  quality: null,
  highlight: false,
  highlightNote: null,
  attendance: [],
  attendanceSummary: { expected: 0, present: 0, leave: 0, absent: 0, rate: null },
  evidence: [],
  checklist: [],
  reviews: [],
  createdBy: '黄晓梅',
  personNames: {},
  dueDate: '2026-06-30',
  can,
  leaderStatus: 'none',
  exemplary: false,
  exemplaryNote: null,
});

const structure = { branches: [], departments: [], units: [], partyGroups: [] } as unknown as Structure;

/** The record page as the browser first receives it, the record and its lists already fetched. */
function pageFor(user: SessionUser, detail: RecordDetail): string {
  const client = new QueryClient();
  client.setQueryData(recordQueryKey(detail.id), detail);
  client.setQueryData(structureQueryKey, structure);
  client.setQueryData(['people', { branchId: detail.branchId, limit: 500, offset: 0 }], {
    total: 0,
    items: [],
  });
  return renderToString(
    createElement(
      QueryClientProvider,
      { client },
      createElement(
        I18nProvider,
        { messages },
        createElement(
          SessionUserContext.Provider,
          { value: user },
          createElement(
            MemoryRouter,
            { initialEntries: [`/workbench/records/${detail.id}`] },
            createElement(
              Routes,
              null,
              createElement(Route, {
                path: '/workbench/records/:recordId',
                element: createElement(RecordPage),
              }),
            ),
          ),
        ),
      ),
    ),
  );
}

const zh = (key: keyof typeof messages) => messages[key].zh;
const editorShown = (html: string) => html.includes(zh('records.saveDraft'));

describe("the record page follows the record's flags, not the user's roles", () => {
  it('opens the editor, with the QR sign-in, when the server says the record may be edited', () => {
    const html = pageFor(secretary, record({ edit: true, review: false, grade: false }));
    expect(editorShown(html)).toBe(true);
    expect(html).toContain(zh('records.resubmit'));
    expect(html).toContain(zh('signin.qr'));
  });

  it("shows the branch's own secretary a read-only record when the server says it may not change", () => {
    // E.g. the campaign has closed, or a leader in charge holds the revision: the role alone would allow it.
    const html = pageFor(secretary, record({ edit: false, review: false, grade: false }));
    expect(editorShown(html)).toBe(false);
    expect(html).not.toContain(zh('signin.qr'));
    expect(html).toContain('六月集中学习');
  });

  it('never opens the editor to a reader the server gives no edit flag', () => {
    const html = pageFor(committee, record({ edit: false, review: true, grade: false }));
    expect(editorShown(html)).toBe(false);
    expect(html).not.toContain(zh('records.resubmit'));
  });
});
