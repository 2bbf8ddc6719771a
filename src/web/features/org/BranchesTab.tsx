import { useState } from 'react';
import { Alert, Checkbox, Space } from 'antd';
import type { Structure } from '../../../common/api/org';
import { BranchesSection } from './BranchesSection';
import { PartyGroupsSection } from './PartyGroupsSection';
import { DepartmentsSection } from './DepartmentsSection';
import { useI18n } from '../../app/i18n/useI18n';

/** Branches with their Party groups and the departments / business centres they cover. */
export function BranchesTab({ structure, editable }: { structure: Structure; editable: boolean }) {
  const { t } = useI18n();
  const [showInactive, setShowInactive] = useState(false);
  const visible = <T extends { active: boolean }>(items: T[]) =>
    showInactive ? items : items.filter((i) => i.active);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: 8,
          justifyContent: 'space-between',
          alignItems: 'center',
        }}
      >
        {!editable ? (
          <Alert type="info" title={t('org.readOnlyHint')} style={{ flex: 1, minWidth: 0 }} />
        ) : (
          <span />
        )}
        <Checkbox checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)}>
          {t('common.showInactive')}
        </Checkbox>
      </div>
      <BranchesSection
        companies={structure.companies}
        branches={visible(structure.branches)}
        partyGroups={structure.partyGroups}
        departments={structure.departments}
        editable={editable}
      />
      <PartyGroupsSection
        partyGroups={visible(structure.partyGroups)}
        branches={structure.branches}
        editable={editable}
      />
      <DepartmentsSection
        departments={visible(structure.departments)}
        branches={structure.branches}
        editable={editable}
      />
    </Space>
  );
}
