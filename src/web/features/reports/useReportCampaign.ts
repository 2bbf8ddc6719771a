import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useDashboardCampaigns } from '../dashboard/dashboard.api';
import { defaultCampaign } from '../dashboard/useDashboardParams';

/**
 * The campaigns documents are made for (all but drafts), and the one the address asks for with
 * `?campaign=`, else the current one: 报表台账 and the summary editor open on the same campaign.
 */
export function useReportCampaign() {
  const campaigns = useDashboardCampaigns();
  const [params] = useSearchParams();
  const options = useMemo(
    () => (campaigns.data?.items ?? []).filter((c) => c.status !== 'draft'),
    [campaigns.data],
  );
  const campaign = options.find((c) => c.id === Number(params.get('campaign'))) ?? defaultCampaign(options);
  return { campaigns, options, campaign };
}
