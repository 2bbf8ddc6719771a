import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  acceptBody,
  confirmBody,
  confirmOnBehalfBody,
  measureBody,
  problemSchema,
  problemStates,
  raiseBody,
  solvedBody,
} from '../../../common/api/problems';
import { http, type IdResult } from '../../api/client';

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
    queryFn: () => http.get<{ items: Problem[] }>('/problems', { ...filter }),
  });
}

export function useProblem(id: number | null) {
  return useQuery({
    queryKey: [...problemsKey, 'one', id],
    queryFn: () => http.get<Problem>(`/problems/${id}`),
    enabled: id !== null,
  });
}

/** The actions on one problem, each a POST under /problems/:id. */
interface StepBodies {
  accept: z.input<typeof acceptBody>;
  measures: z.input<typeof measureBody>;
  solved: z.input<typeof solvedBody>;
  confirm: z.input<typeof confirmBody>;
  'confirm-on-behalf': z.input<typeof confirmOnBehalfBody>;
}
export type ProblemStep = keyof StepBodies;

export function useProblemStep<S extends ProblemStep>(id: number, step: S) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: StepBodies[S]) => http.post<unknown>(`/problems/${id}/${step}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: problemsKey }),
  });
}

export function useRaiseProblem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof raiseBody>) => http.post<IdResult>('/problems', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: problemsKey }),
  });
}
