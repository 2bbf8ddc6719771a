import { Alert, Card, Skeleton, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useStructure } from './org.api';
import { OrganisationHeader } from './OrganisationHeader';
import { BranchesTab } from './BranchesTab';
import { UnitsTab } from './UnitsTab';
import { PeopleTab } from './PeopleTab';
import { useSessionUser } from '../auth/auth.api';
import { canEditOrganisation } from '../../../common/policies/org';
import { useI18n } from '../../app/i18n/useI18n';
import { useErrorText } from '../../components/useErrorText';

const tabKeys = ['branches', 'units', 'people'] as const;
type TabKey = (typeof tabKeys)[number];

/** Branches, grassroots units and people. The open tab lives in the URL so it can be linked. */
export function OrganisationPage() {
  const { t } = useI18n();
  const user = useSessionUser();
  const structure = useStructure();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const activeTab: TabKey = tabKeys.find((k) => k === requested) ?? 'branches';
  const isAdmin = canEditOrganisation(user);

  if (structure.isError) return <Alert type="error" showIcon title={errorText(structure.error)} />;
  if (!structure.data) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }

  return (
    <>
      <OrganisationHeader organisation={structure.data.organisation} editable={isAdmin} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={activeTab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            {
              key: 'branches',
              label: t('org.tabBranches'),
              children: <BranchesTab structure={structure.data} editable={isAdmin} />,
            },
            {
              key: 'units',
              label: t('org.tabUnits'),
              children: <UnitsTab units={structure.data.units} editable={isAdmin} />,
            },
            { key: 'people', label: t('org.tabPeople'), children: <PeopleTab structure={structure.data} /> },
          ]}
        />
      </Card>
    </>
  );
}
