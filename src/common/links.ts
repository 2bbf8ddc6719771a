/**
 * Addresses of the workbench, of a record and of a new record: shared by the pages that link to
 * them and by the reminders that lead there.
 */
export interface WorkbenchPlace {
  campaignId?: number;
  branchId?: number;
  periodKey?: string | null;
}

/** The workbench of a campaign, branch and month: where "back" from a record leads. */
export function workbenchLink(q: WorkbenchPlace): string {
  const params = new URLSearchParams();
  if (q.campaignId) params.set('campaignId', String(q.campaignId));
  if (q.branchId) params.set('branchId', String(q.branchId));
  if (q.periodKey) params.set('periodKey', q.periodKey);
  const qs = params.toString();
  return `/workbench${qs ? `?${qs}` : ''}`;
}

/** The entry form of a new record of a kind, for a branch's month. */
export function newRecordLink(
  q: Required<Pick<WorkbenchPlace, 'campaignId' | 'branchId'>> & WorkbenchPlace,
  kind: string,
) {
  const params = new URLSearchParams({
    campaignId: String(q.campaignId),
    branchId: String(q.branchId),
    kind,
  });
  if (q.periodKey) params.set('periodKey', q.periodKey);
  return `/workbench/records/new?${params.toString()}`;
}

/** A record's own page (its form while it may be edited, its view otherwise). */
export const recordPath = (id: number) => `/workbench/records/${id}`;
