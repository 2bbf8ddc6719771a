import { Alert, Card, Skeleton, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useStructure } from './org.api';
import { OrganisationHeader } from './OrganisationHeader';
import { BranchesTab } from './BranchesTab';
import { CompaniesTab } from './CompaniesTab';
import { UnitsTab } from './UnitsTab';
import { PeopleTab } from './PeopleTab';
import { useSessionUser } from '../auth/auth.api';
import { canEditOrganisation } from '../../../common/policies/org';
import { useI18n } from '../../app/i18n/useI18n';
import { useErrorText } from '../../components/useErrorText';

const tabKeys = ['companies', 'branches', 'units', 'people'] as const;
type TabKey = (typeof tabKeys)[number];

/**
 * Companies (for the administrator, or where there are several), branches, grassroots units and
 * people. The open tab lives in the URL so it can be linked.
 */
export function OrganisationPage() {
  const { t } = useI18n();
  const user = useSessionUser();
  const structure = useStructure();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const isAdmin = canEditOrganisation(user);
  const showCompanies = isAdmin || (structure.data?.companies.length ?? 0) > 1;
  const activeTab: TabKey =
    tabKeys.find((k) => k === requested && (k !== 'companies' || showCompanies)) ?? 'branches';

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
            ...(showCompanies
              ? [
                  {
                    key: 'companies',
                    label: t('org.tabCompanies'),
                    children: <CompaniesTab companies={structure.data.companies} editable={isAdmin} />,
                  },
                ]
              : []),
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
