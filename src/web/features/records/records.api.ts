import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ActionKind,
  AttendanceStatus,
  evidenceKinds,
  RecordStatus,
  studyForms,
} from '../../../common/actions';
import type { expectedList, historyList, RecordDetail } from '../../../common/api/records';
import { evidenceApi } from '../../../common/api/evidence.routes';
import { peopleApi } from '../../../common/api/people.routes';
import { recordsApi as api } from '../../../common/api/records.routes';
import type { RouteInput } from '../../../common/api/route';
import { settingsApi } from '../../../common/api/settings.routes';
import { call, callForm } from '../../api/call';

/** One attendance line as the API takes it (attendanceEntry); a reason is required for leave. */
export interface AttendanceInput {
  personId: number;
  status: AttendanceStatus;
  reason?: string | null;
}
export type EvidenceKind = (typeof evidenceKinds)[number];
export type HistoryEntry = z.infer<typeof historyList>['items'][number];

export const recordQueryKey = (id: number) => ['records', 'detail', id] as const;

export interface RecordFilter {
  campaignId?: number;
  branchId?: number;
  kind?: ActionKind;
  status?: RecordStatus;
  periodKey?: string;
  limit: number;
  offset: number;
}

/** Records the caller may see; the review queue is status=submitted, oldest first. */
export function useRecords(filter: RecordFilter) {
  return useQuery({
    queryKey: ['records', 'list', filter],
    queryFn: () => call(api.list, { query: filter }),
    placeholderData: keepPreviousData,
  });
}

export function useRecord(id: number | null) {
  return useQuery({
    queryKey: recordQueryKey(id ?? 0),
    queryFn: () => call(api.get, { params: { id: id! } }),
    enabled: id !== null,
    // A record changes under the user's eyes only by their own actions, which update the cache.
    staleTime: 0,
  });
}

/** Fetches the record as it is now on the server, and puts it in the cache. */
export function useReloadRecord() {
  const client = useQueryClient();
  return async (id: number) => {
    const detail = await call(api.get, { params: { id } });
    client.setQueryData(recordQueryKey(id), detail);
    return detail;
  };
}

export function useRecordHistory(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ['records', 'history', id],
    queryFn: () => call(api.history, { params: { id } }),
    enabled,
  });
}

/** "沿用上月": the fields that usually repeat, from the branch's latest record of the kind. */
export const fetchTemplate = (branchId: number, kind: ActionKind) =>
  call(api.template, { query: { branchId, kind } });

export type ExpectedPerson = z.infer<typeof expectedList>['items'][number];
/**
 * Who a meeting expects (应到) from its form and date: the committee holding posts that day for a
 * 支委会, the group's members for a 党小组会, all members otherwise. The server keeps to the same rule.
 */
export function useExpected(
  q: { branchId: number; kind: ActionKind; occurredOn?: string; form?: string; partyGroupId?: number | null },
  enabled: boolean,
) {
  return useQuery({
    queryKey: ['records', 'expected', q],
    queryFn: () =>
      call(api.expected, {
        query: {
          branchId: q.branchId,
          kind: q.kind,
          occurredOn: q.occurredOn!,
          form: q.form as (typeof studyForms)[number] | undefined,
          partyGroupId: q.partyGroupId ?? undefined,
        },
      }),
    enabled: enabled && !!q.occurredOn,
  });
}

/** The branch's roster, for attendance and host pickers (a secretary sees own branch). */
export function useBranchPeople(branchId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: ['people', { branchId, limit: 500, offset: 0 }],
    queryFn: () => call(peopleApi.list, { query: { branchId, limit: 500 } }),
    enabled: enabled && branchId !== undefined,
  });
}

/** The publicity channels the committee configured (retired ones stay, to name old items). */
export function usePublicityChannels() {
  return useQuery({
    queryKey: ['settings', 'publicity-channels'],
    queryFn: () => call(settingsApi.channels),
    staleTime: 5 * 60_000,
  });
}

export interface RecordCreateBody {
  campaignId: number;
  branchId: number;
  kind: ActionKind;
  title: string;
  occurredOn: string;
  data: Record<string, unknown>;
  attendance?: AttendanceInput[];
}
export type RecordUpdateBody = Omit<RecordCreateBody, 'campaignId' | 'branchId' | 'kind'> & {
  version: number;
};

/** After any change of a record, the lists, the workbench and the tasks show it too. */
function useRecordChanged() {
  const client = useQueryClient();
  return (detail: RecordDetail) => {
    client.setQueryData(recordQueryKey(detail.id), detail);
    void client.invalidateQueries({ queryKey: ['records', 'list'] });
    void client.invalidateQueries({ queryKey: ['records', 'history', detail.id] });
    void client.invalidateQueries({ queryKey: ['workbench'] });
    void client.invalidateQueries({ queryKey: ['tasks'] });
  };
}

export function useCreateRecord() {
  const changed = useRecordChanged();
  return useMutation({
    mutationFn: (body: RecordCreateBody) => call(api.create, { body }),
    onSuccess: changed,
  });
}

export function useUpdateRecord() {
  const changed = useRecordChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: RecordUpdateBody }) =>
      call(api.update, { params: { id }, body }),
    onSuccess: changed,
  });
}

export function useSubmitRecord() {
  const changed = useRecordChanged();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      call(api.submit, { params: { id }, body: { version } }),
    onSuccess: changed,
  });
}

export function useReviewRecord() {
  const changed = useRecordChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number } & RouteInput<typeof api.review>['body']) =>
      call(api.review, { params: { id }, body }),
    onSuccess: changed,
  });
}

function useEvidenceChanged(recordId: number) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: recordQueryKey(recordId) }),
      client.invalidateQueries({ queryKey: ['workbench'] }),
    ]);
}

export interface EvidenceUpload {
  /** The record it goes to: known only at upload time when the upload itself made the draft. */
  recordId: number;
  file: File;
  kind: EvidenceKind;
  validOn?: string;
  caption?: string;
}

export function useUploadEvidence() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ recordId, file, kind, validOn, caption }: EvidenceUpload) => {
      // The server reads the text fields first: they must come before the file part.
      const form = new FormData();
      form.append('kind', kind);
      if (validOn) form.append('validOn', validOn);
      if (caption) form.append('caption', caption);
      form.append('file', file, file.name);
      return callForm(evidenceApi.upload, form, { params: { id: recordId } });
    },
    onSuccess: (_result, { recordId }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: recordQueryKey(recordId) }),
        client.invalidateQueries({ queryKey: ['workbench'] }),
      ]),
  });
}

export function useRemoveEvidence(recordId: number) {
  const changed = useEvidenceChanged(recordId);
  return useMutation({
    mutationFn: (evidenceId: number) => call(evidenceApi.remove, { params: { id: recordId, evidenceId } }),
    onSuccess: changed,
  });
}

export const evidenceFileUrl = (id: number) => `/api/evidence/${id}/file`;
export const evidenceThumbnailUrl = (id: number) => `/api/evidence/${id}/thumbnail`;
