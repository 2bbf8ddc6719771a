import { useState } from 'react';
import { Alert, Button, Card, Col, Input, Rate, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { problemStateLabels, problemStates } from '../../../common/api/problems';
import { useProblems, type Problem, type ProblemFilter, type ProblemState } from './problems.api';
import { ProblemDrawer } from './ProblemDrawer';
import { RaiseProblemModal } from './RaiseProblemModal';
import { stateColor } from './problemState';
import { useStructure } from '../org/org.api';
import { useSessionUser } from '../auth/auth.api';
import { contactUnitIds, secretaryBranchIds } from '../../../common/policies/actor';
import { problemScope } from '../../../common/policies/problems';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';
import { InboxCard } from '../inbox/InboxCard';

export function ProblemsPage() {
  const { t, pick } = useI18n();
  const errorText = useErrorText();
  const user = useSessionUser();
  const structure = useStructure();
  const [filter, setFilter] = useState<ProblemFilter>({});
  const [openId, setOpenId] = useState<number | null>(null);
  const [raising, setRaising] = useState<'contact' | 'branch' | null>(null);
  const problems = useProblems(filter);
  const change = (patch: Partial<ProblemFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const units = structure.data?.units ?? [];
  const branches = structure.data?.branches ?? [];
  // The branches to filter by: every one for the group, a company's committee its own.
  const scope = problemScope(user);
  const isContact = contactUnitIds(user).length > 0;
  const isSecretary = secretaryBranchIds(user).length > 0;

  return (
    <>
      {isContact && <InboxCard style={{ marginBottom: 16 }} />}
      <Card
        title={t('problems.title')}
        extra={
          <Space wrap>
            {isContact && (
              <Button type="primary" onClick={() => setRaising('contact')}>
                {t('problems.raise')}
              </Button>
            )}
            {isSecretary && <Button onClick={() => setRaising('branch')}>{t('problems.record')}</Button>}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('problems.intro')}</Typography.Paragraph>
        <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
          <Col xs={12} sm={12} lg={6}>
            <Select<number>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: '100%' }}
              placeholder={t('problems.unit')}
              aria-label={t('problems.unit')}
              value={filter.unitId}
              onChange={(unitId) => change({ unitId })}
              options={units.map((u) => ({ value: u.id, label: u.name }))}
            />
          </Col>
          <Col xs={12} sm={12} lg={6}>
            <Select<number>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: '100%' }}
              placeholder={t('problems.branch')}
              aria-label={t('problems.branch')}
              value={filter.branchId}
              onChange={(branchId) => change({ branchId })}
              options={branches
                .filter((b) => scope?.all || scope?.branchIds.includes(b.id))
                .map((b) => ({ value: b.id, label: b.shortName ?? b.name }))}
            />
          </Col>
          <Col xs={12} sm={12} lg={6}>
            <Select<ProblemState>
              allowClear
              style={{ width: '100%' }}
              placeholder={t('problems.state')}
              aria-label={t('problems.state')}
              value={filter.state}
              onChange={(state) => change({ state })}
              options={problemStates.map((s) => ({ value: s, label: pick(problemStateLabels[s]) }))}
            />
          </Col>
          <Col xs={12} sm={12} lg={6}>
            <Input.Search
              allowClear
              maxLength={60}
              placeholder={t('problems.category')}
              aria-label={t('problems.category')}
              onSearch={(v) => change({ category: v.trim() || undefined })}
            />
          </Col>
        </Row>
        {problems.isError && (
          <Alert type="error" showIcon title={errorText(problems.error)} style={{ marginBottom: 12 }} />
        )}
        <Table<Problem>
          rowKey="id"
          size="small"
          loading={problems.isFetching}
          scroll={{ x: 'max-content' }}
          dataSource={[...(problems.data?.items ?? [])].sort((a, b) => b.raisedAt.localeCompare(a.raisedAt))}
          pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
          onRow={(p) => ({ onClick: () => setOpenId(p.id), style: { cursor: 'pointer' } })}
          columns={[
            {
              key: 'title',
              title: t('problems.problemTitle'),
              render: (_, p) => (
                <Space size={4} wrap style={{ maxWidth: 240 }}>
                  <Typography.Link onClick={() => setOpenId(p.id)}>{p.title}</Typography.Link>
                  {p.urgency === 'urgent' && <Tag color="red">{t('problems.urgent')}</Tag>}
                  {p.rechecksDue.length > 0 && <Tag color="orange">{t('problems.recheckDue')}</Tag>}
                </Space>
              ),
            },
            {
              key: 'state',
              title: t('problems.state'),
              render: (_, p) => <Tag color={stateColor[p.state]}>{pick(problemStateLabels[p.state])}</Tag>,
            },
            { key: 'unit', title: t('problems.unit'), dataIndex: 'unitName' },
            {
              key: 'branch',
              title: t('problems.branch'),
              render: (_, p) => p.branchName ?? <Typography.Text type="secondary">—</Typography.Text>,
            },
            { key: 'category', title: t('problems.category'), dataIndex: 'category' },
            {
              key: 'raisedAt',
              title: t('problems.raisedAt'),
              render: (_, p) => dayjs(p.raisedAt).format('YYYY-MM-DD'),
            },
            {
              key: 'satisfaction',
              title: t('problems.satisfaction'),
              render: (_, p) =>
                p.satisfaction === null ? (
                  '—'
                ) : (
                  <Rate disabled value={p.satisfaction} style={{ fontSize: 12 }} />
                ),
            },
            { key: 'reopenCount', title: t('problems.reopenCount'), dataIndex: 'reopenCount' },
            {
              key: 'waitingDays',
              title: t('problems.waitingDays'),
              render: (_, p) => (p.waitingDays === null ? '—' : t('problems.days', { n: p.waitingDays })),
            },
          ]}
        />
        <ProblemDrawer id={openId} onClose={() => setOpenId(null)} />
        {raising && (
          <RaiseProblemModal
            mode={raising}
            units={units.filter((u) => raising === 'branch' || contactUnitIds(user).includes(u.id))}
            branches={branches.filter((b) => secretaryBranchIds(user).includes(b.id))}
            onClose={() => setRaising(null)}
          />
        )}
      </Card>
    </>
  );
}
