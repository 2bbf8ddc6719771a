import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { problemSchema, problemStates } from '../../../common/api/problems';
import { problemsApi } from '../../../common/api/problems.routes';
import type { RouteInput } from '../../../common/api/route';
import { call } from '../../api/call';

export type Problem = z.infer<typeof problemSchema>;
export type ProblemEvent = Problem['events'][number];
export type ProblemState = (typeof problemStates)[number];

export interface ProblemFilter {
  unitId?: number;
  branchId?: number;
  state?: ProblemState;
  category?: string;
}

const problemsKey = ['problems'] as const;

export function useProblems(filter: ProblemFilter) {
  return useQuery({
    queryKey: [...problemsKey, 'list', filter],
    queryFn: () => call(problemsApi.list, { query: filter }),
  });
}

export function useProblem(id: number | null) {
  return useQuery({
    queryKey: [...problemsKey, 'one', id],
    queryFn: () => call(problemsApi.get, { params: { id: id! } }),
    enabled: id !== null,
  });
}

/** The actions on one problem, by the last segment of their path. */
const stepRoutes = {
  accept: problemsApi.accept,
  measures: problemsApi.addMeasure,
  solved: problemsApi.markSolved,
  confirm: problemsApi.confirm,
  'confirm-on-behalf': problemsApi.confirmOnBehalf,
};
export type ProblemStep = keyof typeof stepRoutes;
type StepBody<S extends ProblemStep> = RouteInput<(typeof stepRoutes)[S]>['body'];

export function useProblemStep<S extends ProblemStep>(id: number, step: S) {
  const qc = useQueryClient();
  return useMutation({
    // The route is picked by the step at run time; its body type is the step's.
    mutationFn: (body: StepBody<S>) =>
      call(stepRoutes[step] as typeof problemsApi.accept, { params: { id }, body: body as never }),
    onSuccess: () => qc.invalidateQueries({ queryKey: problemsKey }),
  });
}

export function useRaiseProblem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RouteInput<typeof problemsApi.raise>['body']) => call(problemsApi.raise, { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: problemsKey }),
  });
}

/** Records the 3- or 6-month recheck; the problem and the list refresh with what it found. */
export function useRecheck(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RouteInput<typeof problemsApi.recheck>['body']) =>
      call(problemsApi.recheck, { params: { id }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: problemsKey }),
  });
}
