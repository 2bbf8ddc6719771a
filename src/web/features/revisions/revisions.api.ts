import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { revisionList, revisionStages } from '../../../common/api/revisions';
import { recordsApi } from '../../../common/api/records.routes';
import { revisionsApi } from '../../../common/api/revisions.routes';
import { call } from '../../api/call';

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
      call(revisionsApi.list, { query: { stage: filter.stage, mine: filter.mine ? 'true' : undefined } }),
  });
}

/** One revision with its leader trail, publication and follow-ups (its record's page). */
export function useRevision(recordId: number | null, recordVersion = 0) {
  return useQuery({
    // Every change of the record (a save, a submission, a review) may move the revision's stage.
    queryKey: [...key, 'one', recordId, recordVersion],
    queryFn: () => call(revisionsApi.get, { params: { id: recordId! } }),
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
    call(revisionsApi.leaderReview, {
      params: { id: b.recordId },
      body: { decision: b.decision, comment: b.comment },
    }),
  );

/** Sends a draft to the leader in charge, with the record's current version (optimistic lock). */
export const useLeaderSubmit = () =>
  useRevisionMutation(async (recordId: number) => {
    const record = await call(recordsApi.get, { params: { id: recordId } });
    return call(revisionsApi.leaderSubmit, { params: { id: recordId }, body: { version: record.version } });
  });

/** Sends a draft the user has just saved, at the version the save returned. */
export const useSendToLeader = () =>
  useRevisionMutation((b: { recordId: number; version: number }) =>
    call(revisionsApi.leaderSubmit, { params: { id: b.recordId }, body: { version: b.version } }),
  );

export const useFollowupNote = () =>
  useRevisionMutation(
    ({
      recordId,
      followupId,
      ...body
    }: {
      recordId: number;
      followupId: number;
      note: string;
      notedOn: string;
      measuredValue: number | null;
      evidence: string;
      nextStep: string;
    }) => call(revisionsApi.noteFollowup, { params: { id: recordId, followupId }, body }),
  );
