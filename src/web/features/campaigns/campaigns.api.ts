import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ActionKind, TaskStatus } from '../../../common/actions';
import type { Campaign, campaignBody, campaignPatch } from '../../../common/api/campaigns';
import type { Task } from '../../../common/api/tasks';
import { http } from '../../api/client';

export const campaignsQueryKey = ['campaigns'] as const;

export type CampaignInput = z.input<typeof campaignBody>;
export type CampaignPatch = z.input<typeof campaignPatch>;

/** Campaigns are the rules of the activity: everyone signed in may read them. */
export function useCampaigns() {
  return useQuery({
    queryKey: campaignsQueryKey,
    queryFn: () => http.get<{ items: Campaign[] }>('/campaigns'),
  });
}

export function useCampaign(id: number | null) {
  return useQuery({
    queryKey: [...campaignsQueryKey, id],
    queryFn: () => http.get<Campaign>(`/campaigns/${id}`),
    enabled: id !== null,
  });
}

/** A campaign change moves tasks and what the workbench shows. */
function useCampaignChanged() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: campaignsQueryKey }),
      client.invalidateQueries({ queryKey: ['tasks'] }),
      client.invalidateQueries({ queryKey: ['workbench'] }),
    ]);
}

export function useCreateCampaign() {
  const changed = useCampaignChanged();
  return useMutation({
    mutationFn: (body: CampaignInput) => http.post<Campaign>('/campaigns', body),
    onSuccess: changed,
  });
}

export function useUpdateCampaign() {
  const changed = useCampaignChanged();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: CampaignPatch }) =>
      http.patch<Campaign>(`/campaigns/${id}`, patch),
    onSuccess: changed,
  });
}

export function useCopyCampaign() {
  const changed = useCampaignChanged();
  return useMutation({
    mutationFn: ({ id, name, year }: { id: number; name: string; year: number }) =>
      http.post<Campaign>(`/campaigns/${id}/copy`, { name, year }),
    onSuccess: changed,
  });
}

/** Starting opens every task; closing ends the campaign. */
export function useCampaignAction() {
  const changed = useCampaignChanged();
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: 'start' | 'close' }) =>
      http.post<Campaign>(`/campaigns/${id}/${action}`),
    onSuccess: changed,
  });
}

export interface TaskFilter {
  campaignId: number;
  branchId?: number;
  periodKey?: string;
  kind?: ActionKind;
  status?: TaskStatus;
}

export function useTasks(filter: TaskFilter, enabled = true) {
  return useQuery({
    queryKey: ['tasks', filter],
    queryFn: () => http.get<{ items: Task[] }>('/tasks', { ...filter }),
    enabled,
  });
}

export function useExtendDue() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, dueDate, reason }: { id: number; dueDate: string; reason: string }) =>
      http.post<Task>(`/tasks/${id}/extend`, { dueDate, reason }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['tasks'] }),
        client.invalidateQueries({ queryKey: ['workbench'] }),
      ]),
  });
}
