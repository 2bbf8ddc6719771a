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
} from '../../../common/api/notifications';
import { notificationsApi as api } from '../../../common/api/notifications.routes';
import { call } from '../../api/call';

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
    queryFn: () => call(api.unreadCount),
    staleTime: 30_000,
    refetchInterval: UNREAD_POLL_MS,
    refetchIntervalInBackground: false,
  });
}

export function useNotifications(filter: { unread: boolean; limit: number; offset: number }) {
  return useQuery({
    queryKey: [...key, 'list', filter],
    queryFn: () =>
      call(api.list, {
        query: { unread: filter.unread ? 'true' : undefined, limit: filter.limit, offset: filter.offset },
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

export const useMarkRead = () => useNotifyMutation((id: number) => call(api.markRead, { params: { id } }));
export const useMarkAllRead = () => useNotifyMutation(() => call(api.markAllRead));

export const usePreferences = () =>
  useQuery({
    queryKey: [...key, 'preferences'],
    queryFn: () => call(api.preferences),
  });
export const useSavePreferences = () =>
  useNotifyMutation((b: { inApp: boolean; email: boolean; emailAddress: string | null }) =>
    call(api.savePreferences, { body: b }),
  );

export const useRobots = (enabled: boolean) =>
  useQuery({
    queryKey: [...key, 'robots'],
    queryFn: () => call(api.robots),
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
      return call(api.saveRobots, { params: { id: branchId }, body });
    },
  );

export const useLadder = (campaignId: number | null) =>
  useQuery({
    queryKey: [...key, 'ladder', campaignId],
    queryFn: () => call(api.ladder, { params: { id: campaignId! } }),
    enabled: campaignId !== null,
  });
export const useSaveLadder = () =>
  useNotifyMutation((b: { campaignId: number; ladder: Ladder }) =>
    call(api.saveLadder, { params: { id: b.campaignId }, body: b.ladder }),
  );

export const useChannelStatus = (enabled: boolean) =>
  useQuery({
    queryKey: [...key, 'status'],
    queryFn: () => call(api.status),
    enabled,
  });
export const useDeliveries = (
  filter: { status?: Delivery['status']; limit: number; offset: number },
  enabled: boolean,
) =>
  useQuery({
    queryKey: [...key, 'deliveries', filter],
    queryFn: () => call(api.deliveries, { query: filter }),
    placeholderData: keepPreviousData,
    enabled,
  });
export const useReminders = (filter: { limit: number; offset: number }, enabled: boolean) =>
  useQuery({
    queryKey: [...key, 'reminders', filter],
    queryFn: () => call(api.reminders, { query: filter }),
    placeholderData: keepPreviousData,
    enabled,
  });
export const useRetryDelivery = () => useNotifyMutation((id: number) => call(api.retry, { params: { id } }));
export const useSendTest = () =>
  useNotifyMutation((b: { channel: NotificationChannel; branchId?: number; to?: string }) =>
    call(api.sendTest, { body: b }),
  );
