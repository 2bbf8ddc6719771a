import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { revisionList, revisionStages } from '../../../common/api/revisions';
import { http } from '../../api/client';

export type RevisionList = z.infer<typeof revisionList>;
export type Revision = RevisionList['items'][number];
export type RevisionStage = (typeof revisionStages)[number];

export interface RevisionFilter {
  stage?: RevisionStage;
  mine?: boolean;
}

const key = ['revisions'] as const;

export function useRevisions(filter: RevisionFilter) {
  return useQuery({
    queryKey: [...key, filter],
    queryFn: () =>
      http.get<RevisionList>('/revisions', { stage: filter.stage, mine: filter.mine ? 'true' : undefined }),
  });
}

/** One revision with its leader trail, publication and follow-ups (its record's page). */
export function useRevision(recordId: number | null, recordVersion = 0) {
  return useQuery({
    // Every change of the record (a save, a submission, a review) may move the revision's stage.
    queryKey: [...key, 'one', recordId, recordVersion],
    queryFn: () => http.get<Revision>(`/revisions/${recordId}`),
    enabled: recordId !== null,
    placeholderData: keepPreviousData,
  });
}

function useRevisionMutation<B>(run: (body: B) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: key });
      await qc.invalidateQueries({ queryKey: ['records'] });
    },
  });
}

export const useLeaderReview = () =>
  useRevisionMutation((b: { recordId: number; decision: 'approved' | 'returned'; comment: string }) =>
    http.post(`/records/${b.recordId}/leader-review`, { decision: b.decision, comment: b.comment }),
  );

/** Sends a draft to the leader in charge, with the record's current version (optimistic lock). */
export const useLeaderSubmit = () =>
  useRevisionMutation(async (recordId: number) => {
    const record = await http.get<{ version: number }>(`/records/${recordId}`);
    return http.post(`/records/${recordId}/leader-submit`, { version: record.version });
  });

/** Sends a draft the user has just saved, at the version the save returned. */
export const useSendToLeader = () =>
  useRevisionMutation((b: { recordId: number; version: number }) =>
    http.post(`/records/${b.recordId}/leader-submit`, { version: b.version }),
  );

export const useFollowupNote = () =>
  useRevisionMutation((b: { recordId: number; followupId: number; note: string; notedOn: string }) =>
    http.post(`/records/${b.recordId}/followups/${b.followupId}`, { note: b.note, notedOn: b.notedOn }),
  );
