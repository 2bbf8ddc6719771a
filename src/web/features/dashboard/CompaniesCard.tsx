import { Alert, Button, Card, Skeleton, Table, Typography } from 'antd';
import { useI18n } from '../../app/i18n/useI18n';
import { useErrorText } from '../../components/useErrorText';
import type { Companies, CompanyRow } from './dashboard.api';
import type { UseQueryResult } from '@tanstack/react-query';
import { percent, points } from './format';

interface Props {
  companies: UseQueryResult<Companies>;
  /** The company drilled into, if any: its row is marked. */
  current?: number;
  /** Narrows the dashboard to a company; absent for a company's own committee, which sees only its own. */
  onOpen?: (companyId: number) => void;
}

/**
 * 公司对标: the group committee's comparison of its companies over the chosen months, ranked by
 * score rate (companies differ in size), with the whole group's figures as the last row. Opening
 * a company narrows the indicators, the matrix and the ranking below to its branches.
 */
export function CompaniesCard({ companies, current, onOpen }: Props) {
  const { t } = useI18n();
  const errorText = useErrorText();
  if (companies.isError) return <Alert type="error" showIcon title={errorText(companies.error)} />;
  if (!companies.data)
    return (
      <Card size="small" title={t('dashboard.companies.title')}>
        <Skeleton active />
      </Card>
    );
  const group = companies.data.group;
  return (
    <Card size="small" title={t('dashboard.companies.title')}>
      <Table<CompanyRow>
        rowKey="companyId"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={companies.data.rows}
        rowClassName={(r) => (r.companyId === current ? 'ant-table-row-selected' : '')}
        columns={[
          ...(onOpen
            ? [
                {
                  key: 'rank',
                  title: t('dashboard.ranking.rank'),
                  dataIndex: 'rank',
                  width: 64,
                  align: 'center' as const,
                },
              ]
            : []),
          {
            key: 'name',
            title: t('dashboard.companies.company'),
            render: (_, r) =>
              onOpen ? (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(r.companyId)}>
                  {r.companyName}
                </Button>
              ) : (
                r.companyName
              ),
          },
          {
            key: 'branches',
            title: t('dashboard.companies.branches'),
            dataIndex: 'branches',
            align: 'right',
          },
          {
            key: 'completion',
            title: t('dashboard.companies.completion'),
            align: 'right',
            render: (_, r) => percent(r.completionRate),
          },
          {
            key: 'onTime',
            title: t('dashboard.companies.onTime'),
            align: 'right',
            render: (_, r) => percent(r.onTimeRate),
          },
          { key: 'overdue', title: t('dashboard.companies.overdue'), dataIndex: 'overdue', align: 'right' },
          {
            key: 'scoreRate',
            title: t('dashboard.ranking.rate'),
            align: 'right',
            render: (_, r) => percent(r.scoreRate),
          },
          {
            key: 'average',
            title: t('dashboard.companies.average'),
            align: 'right',
            render: (_, r) => points(r.averageScore),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} />
            <Table.Summary.Cell index={1}>
              <Typography.Text strong>{t('dashboard.companies.group')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {group.branches}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              {percent(group.completionRate)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              {percent(group.onTimeRate)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">
              {group.overdue}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6} align="right">
              {percent(group.scoreRate)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={7} align="right">
              {points(group.averageScore)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(onOpen ? 'dashboard.companies.note' : 'dashboard.companies.noteOwn')}
      </Typography.Text>
    </Card>
  );
}
