import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ActionKind, TaskStatus } from '../../../common/actions';
import type { campaignBody, campaignPatch } from '../../../common/api/campaigns';
import { campaignsApi as api } from '../../../common/api/campaigns.routes';
import { tasksApi } from '../../../common/api/tasks.routes';
import { call } from '../../api/call';

export const campaignsQueryKey = ['campaigns'] as const;

export type CampaignInput = z.input<typeof campaignBody>;
export type CampaignPatch = z.input<typeof campaignPatch>;

/** Campaigns are the rules of the activity: everyone signed in may read them. */
export function useCampaigns() {
  return useQuery({
    queryKey: campaignsQueryKey,
    queryFn: () => call(api.list),
  });
}

export function useCampaign(id: number | null) {
  return useQuery({
    queryKey: [...campaignsQueryKey, id],
    queryFn: () => call(api.get, { params: { id: id! } }),
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
    mutationFn: (body: CampaignInput) => call(api.create, { body }),
    onSuccess: changed,
  });
}

export function useUpdateCampaign() {
  const changed = useCampaignChanged();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: CampaignPatch }) =>
      call(api.update, { params: { id }, body: patch }),
    onSuccess: changed,
  });
}

export function useCopyCampaign() {
  const changed = useCampaignChanged();
  return useMutation({
    mutationFn: ({ id, name, year }: { id: number; name: string; year: number }) =>
      call(api.copy, { params: { id }, body: { name, year } }),
    onSuccess: changed,
  });
}

/** Starting opens every task; closing ends the campaign. */
export function useCampaignAction() {
  const changed = useCampaignChanged();
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: 'start' | 'close' }) =>
      call(api[action], { params: { id } }),
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
    queryFn: () => call(tasksApi.list, { query: filter }),
    enabled,
  });
}

export function useExtendDue() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, dueDate, reason }: { id: number; dueDate: string; reason: string }) =>
      call(tasksApi.extend, { params: { id }, body: { dueDate, reason } }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['tasks'] }),
        client.invalidateQueries({ queryKey: ['workbench'] }),
      ]),
  });
}
