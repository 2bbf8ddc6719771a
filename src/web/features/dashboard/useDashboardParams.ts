import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { actionKinds, type ActionKind } from '../../../common/actions';
import type { Campaign } from '../../../common/api/campaigns';
import { MATRIX_PAGE_SIZE } from '../../../common/api/dashboard';
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

/** Branches per page of the matrix the user may choose; the server's default comes first in use. */
export const matrixPageSizes = [20, MATRIX_PAGE_SIZE, 100] as const;

export interface DashboardParams {
  campaign?: number;
  kind?: ActionKind | null;
  from?: string | null;
  to?: string | null;
  /** The matrix's page (from 1), page size and branch-name search. */
  page?: number | null;
  size?: number | null;
  q?: string | null;
  /** The company drilled into (the group committee's view). */
  company?: number | null;
}

/** A page number from the address: a positive whole number, else the first page. */
const pageNumber = (raw: string | null) => (raw && /^[1-9][0-9]{0,4}$/.test(raw) ? Number(raw) : 1);

/**
 * The dashboard's choices live in the address (?campaign=1&kind=study&from=2020-03&to=2020-06,
 * the matrix's &page=2&size=20&q=第三, and the company drilled into, &company=2),
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
  const page = pageNumber(params.get('page'));
  const rawSize = Number(params.get('size'));
  const size = (matrixPageSizes as readonly number[]).includes(rawSize) ? rawSize : MATRIX_PAGE_SIZE;
  const q = params.get('q')?.trim().slice(0, 30) || undefined;
  const rawCompany = params.get('company');
  const company = rawCompany && /^[1-9][0-9]{0,8}$/.test(rawCompany) ? Number(rawCompany) : undefined;

  const update = useCallback(
    (patch: DashboardParams) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            if (value === null || value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          // Another campaign has other months (and perhaps other kinds and branches).
          if (patch.campaign !== undefined)
            ['from', 'to', 'kind', 'page', 'q'].forEach((k) => next.delete(k));
          // Another search, page size or company starts from the first page.
          if (
            (patch.q !== undefined || patch.size !== undefined || patch.company !== undefined) &&
            patch.page === undefined
          )
            next.delete('page');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  return { campaigns, options, campaign, periods, kind, from, to, page, size, q, company, update };
}
