import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { actionKinds, type ActionKind } from '../../../common/actions';
import type { Campaign } from '../../../common/api/campaigns';
import { useDashboardCampaigns } from './dashboard.api';

const newest = (list: Campaign[]) => [...list].sort((a, b) => b.year - a.year || b.id - a.id)[0];

/** The campaign shown unless one is chosen: the newest active one, else the newest started. */
export function defaultCampaign(items: Campaign[]): Campaign | undefined {
  return newest(items.filter((c) => c.status === 'active')) ?? newest(items);
}

/** The months of a campaign as period keys ("2020-03"), in order. */
export function campaignPeriods(campaign: Campaign): string[] {
  return [...campaign.months]
    .sort((a, b) => a - b)
    .map((m) => `${campaign.year}-${String(m).padStart(2, '0')}`);
}

export interface DashboardParams {
  campaign?: number;
  kind?: ActionKind | null;
  from?: string | null;
  to?: string | null;
}

/**
 * The dashboard's choices live in the address (?campaign=1&kind=study&from=2020-03&to=2020-06),
 * so a view can be bookmarked, sent to a colleague, and comes back from a branch profile.
 */
export function useDashboardParams() {
  const [params, setParams] = useSearchParams();
  const campaigns = useDashboardCampaigns();
  // A draft has no tasks yet: nothing to benchmark.
  const options = useMemo(
    () => (campaigns.data?.items ?? []).filter((c) => c.status !== 'draft'),
    [campaigns.data],
  );
  const requested = Number(params.get('campaign'));
  const campaign = options.find((c) => c.id === requested) ?? defaultCampaign(options);
  const periods = useMemo(() => (campaign ? campaignPeriods(campaign) : []), [campaign]);

  const rawKind = params.get('kind');
  const kind =
    rawKind && (actionKinds as readonly string[]).includes(rawKind) ? (rawKind as ActionKind) : undefined;
  const inRange = (key: string | null) => (key && periods.includes(key) ? key : undefined);
  let from = inRange(params.get('from'));
  let to = inRange(params.get('to'));
  if (from && to && from > to) [from, to] = [to, from];

  const update = useCallback(
    (patch: DashboardParams) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            if (value === null || value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          // Another campaign has other months (and perhaps other kinds).
          if (patch.campaign !== undefined) ['from', 'to', 'kind'].forEach((k) => next.delete(k));
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  return { campaigns, options, campaign, periods, kind, from, to, update };
}
