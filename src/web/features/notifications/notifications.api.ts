import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  branchRobotsListSchema,
  channelStatusSchema,
  deliveriesSchema,
  Ladder,
  NotificationChannel,
  notificationListSchema,
  preferencesSchema,
  remindersSchema,
  testMessageResult,
} from '../../../common/api/notifications';
import { http, type OkResult } from '../../api/client';

export type NotificationList = z.infer<typeof notificationListSchema>;
export type Preferences = z.infer<typeof preferencesSchema>;
export type BranchRobots = z.infer<typeof branchRobotsListSchema>['items'][number];
export type Deliveries = z.infer<typeof deliveriesSchema>;
export type Delivery = Deliveries['items'][number];
export type ChannelStatus = z.infer<typeof channelStatusSchema>;
export type Reminders = z.infer<typeof remindersSchema>;

const key = ['notifications'] as const;

/** How often the bell asks for new notifications while its tab is in view. */
const UNREAD_POLL_MS = 60_000;

/**
 * The bell's count: asked on each page change (the bell asks) and once a minute while the tab is
 * in view, so a reminder shows without a reload; a hidden tab does not ask. The server does not
 * count these polls as the user's activity, so an open but idle tab still times out.
 */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...key, 'unread'],
    queryFn: () => http.get<{ unread: number }>('/notifications/unread-count'),
    staleTime: 30_000,
    refetchInterval: UNREAD_POLL_MS,
    refetchIntervalInBackground: false,
  });
}

export function useNotifications(filter: { unread: boolean; limit: number; offset: number }) {
  return useQuery({
    queryKey: [...key, 'list', filter],
    queryFn: () =>
      http.get<NotificationList>('/notifications', {
        unread: filter.unread ? 'true' : undefined,
        limit: filter.limit,
        offset: filter.offset,
      }),
    placeholderData: keepPreviousData,
  });
}

function useNotifyMutation<B, R>(run: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export const useMarkRead = () =>
  useNotifyMutation((id: number) => http.post<OkResult>(`/notifications/${id}/read`));
export const useMarkAllRead = () => useNotifyMutation(() => http.post<OkResult>('/notifications/read-all'));

export const usePreferences = () =>
  useQuery({
    queryKey: [...key, 'preferences'],
    queryFn: () => http.get<Preferences>('/notifications/preferences'),
  });
export const useSavePreferences = () =>
  useNotifyMutation((b: { inApp: boolean; email: boolean; emailAddress: string | null }) =>
    http.put<Preferences>('/notifications/preferences', b),
  );

export const useRobots = (enabled: boolean) =>
  useQuery({
    queryKey: [...key, 'robots'],
    queryFn: () => http.get<{ items: BranchRobots[] }>('/notifications/robots'),
    enabled,
  });
export const useSaveRobots = () =>
  useNotifyMutation(
    (b: {
      branchId: number;
      dingtalkWebhook: string | null;
      dingtalkSecret?: string | null;
      wecomWebhook: string | null;
    }) => {
      const { branchId, ...body } = b;
      return http.put<BranchRobots>(`/notifications/robots/${branchId}`, body);
    },
  );

export const useLadder = (campaignId: number | null) =>
  useQuery({
    queryKey: [...key, 'ladder', campaignId],
    queryFn: () => http.get<Ladder>(`/notifications/ladder/${campaignId}`),
    enabled: campaignId !== null,
  });
export const useSaveLadder = () =>
  useNotifyMutation((b: { campaignId: number; ladder: Ladder }) =>
    http.put<Ladder>(`/notifications/ladder/${b.campaignId}`, b.ladder),
  );

export const useChannelStatus = (enabled: boolean) =>
  useQuery({
    queryKey: [...key, 'status'],
    queryFn: () => http.get<ChannelStatus>('/notifications/admin/status'),
    enabled,
  });
export const useDeliveries = (
  filter: { status?: Delivery['status']; limit: number; offset: number },
  enabled: boolean,
) =>
  useQuery({
    queryKey: [...key, 'deliveries', filter],
    queryFn: () => http.get<Deliveries>('/notifications/admin/deliveries', { ...filter }),
    placeholderData: keepPreviousData,
    enabled,
  });
export const useReminders = (filter: { limit: number; offset: number }, enabled: boolean) =>
  useQuery({
    queryKey: [...key, 'reminders', filter],
    queryFn: () => http.get<Reminders>('/notifications/admin/reminders', { ...filter }),
    placeholderData: keepPreviousData,
    enabled,
  });
export const useRetryDelivery = () =>
  useNotifyMutation((id: number) => http.post<Delivery>(`/notifications/admin/deliveries/${id}/retry`));
export const useSendTest = () =>
  useNotifyMutation((b: { channel: NotificationChannel; branchId?: number; to?: string }) =>
    http.post<z.infer<typeof testMessageResult>>('/notifications/admin/test', b),
  );
