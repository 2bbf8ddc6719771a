import { Button, Select, Space } from 'antd';
import type { Workbench } from '../../../common/api/workbench';
import type { Campaign } from '../../../common/api/campaigns';
import type { WorkbenchParams } from './workbench.api';
import { periodLabel } from '../records/labels';
import { useI18n } from '../../app/i18n/useI18n';

interface Props {
  workbench: Workbench;
  /** Running campaigns; the selector shows only when there is more than one. */
  campaigns: Campaign[];
  onChange: (params: WorkbenchParams) => void;
}

/** Campaign, branch (only when several are visible) and month, with previous/next month buttons. */
export function WorkbenchFilters({ workbench, campaigns, onChange }: Props) {
  const { t, lang } = useI18n();
  const { campaign, branch, branches, periods, periodKey } = workbench;
  const index = periodKey ? periods.indexOf(periodKey) : -1;
  const keep = { campaignId: campaign?.id, branchId: branch?.id };
  const goTo = (key: string | undefined) => key && onChange({ ...keep, periodKey: key });

  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
      {campaigns.length > 1 && (
        <Select<number>
          aria-label={t('workbench.campaign')}
          style={{ minWidth: 220, flex: '1 1 220px', maxWidth: 360 }}
          value={campaign?.id}
          onChange={(campaignId) => onChange({ campaignId })}
          options={campaigns.map((c) => ({ value: c.id, label: c.name }))}
        />
      )}
      {branches.length > 1 && (
        <Select<number>
          aria-label={t('workbench.branch')}
          style={{ minWidth: 180, flex: '1 1 180px', maxWidth: 280 }}
          value={branch?.id}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(branchId) =>
            onChange({ campaignId: campaign?.id, branchId, periodKey: periodKey ?? undefined })
          }
          options={branches.map((b) => ({ value: b.id, label: b.name }))}
        />
      )}
      {periods.length > 0 && (
        <Space.Compact style={{ flex: '0 1 auto' }}>
          <Button
            aria-label={t('workbench.prevMonth')}
            disabled={index <= 0}
            onClick={() => goTo(periods[index - 1])}
          >
            ‹
          </Button>
          <Select<string>
            aria-label={t('workbench.month')}
            style={{ width: 140 }}
            value={periodKey ?? undefined}
            onChange={goTo}
            options={periods.map((p) => ({ value: p, label: periodLabel(p, lang) }))}
          />
          <Button
            aria-label={t('workbench.nextMonth')}
            disabled={index < 0 || index >= periods.length - 1}
            onClick={() => goTo(periods[index + 1])}
          >
            ›
          </Button>
        </Space.Compact>
      )}
    </div>
  );
}
