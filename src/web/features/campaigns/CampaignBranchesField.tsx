import { Checkbox, Collapse, Space, Typography } from 'antd';
import type { Branch, Company } from '../org/org.api';
import { useI18n } from '../../app/i18n/useI18n';

interface Props {
  companies: Company[];
  branches: Branch[];
  value?: number[];
  onChange?: (ids: number[]) => void;
}

/**
 * The branches a campaign covers. One company: its branches as checkboxes. A group: the companies
 * first (a company ticked takes all its branches, the group committee's usual launch), each
 * company's branches folded beneath for the exceptions; at 2,000 branches a flat list is no use.
 */
export function CampaignBranchesField({ companies, branches, value = [], onChange }: Props) {
  const { t } = useI18n();
  const chosen = new Set(value);
  const flat = (list: Branch[]) => (
    <Checkbox.Group
      value={value.filter((id) => list.some((b) => b.id === id))}
      onChange={(ids) =>
        onChange?.([...value.filter((id) => !list.some((b) => b.id === id)), ...(ids as number[])])
      }
      options={list.map((b) => ({ value: b.id, label: b.name }))}
    />
  );
  if (companies.length < 2) return flat(branches);

  const ofCompany = (c: Company) => branches.filter((b) => b.companyId === c.id);
  const setCompany = (c: Company, on: boolean) => {
    const ids = new Set(ofCompany(c).map((b) => b.id));
    const others = value.filter((id) => !ids.has(id));
    onChange?.(on ? [...others, ...ids] : others);
  };
  const shown = companies.filter((c) => ofCompany(c).length > 0);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('campaigns.companiesHint')}</Typography.Text>
      <Collapse
        size="small"
        items={shown.map((c) => {
          const list = ofCompany(c);
          const count = list.filter((b) => chosen.has(b.id)).length;
          return {
            key: c.id,
            label: (
              // The company's own box; clicking it must not fold the panel open or shut.
              <span onClick={(e) => e.stopPropagation()}>
                <Checkbox
                  checked={count === list.length}
                  indeterminate={count > 0 && count < list.length}
                  onChange={(e) => setCompany(c, e.target.checked)}
                >
                  {c.name}
                </Checkbox>
                <Typography.Text type="secondary">
                  {t('campaigns.companyBranchCount', { count, total: list.length })}
                </Typography.Text>
              </span>
            ),
            children: flat(list),
          };
        })}
      />
    </Space>
  );
}
