import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { z } from 'zod';
import type { branchBody } from '../../../common/api/org';
import { orgApi } from '../../../common/api/org.routes';
import {
  activeFirst,
  pickable,
  useCreateOrgItem,
  useUpdateOrgItem,
  type Branch,
  type Company,
  type Department,
  type PartyGroup,
} from './org.api';
import { EntityFormModal } from '../../components/EntityFormModal';
import { ActiveTag, editToggleColumns } from '../../components/ActiveControls';
import { requiredChoiceRule, requiredRule } from '../../components/formRules';
import { useI18n } from '../../app/i18n/useI18n';

type BranchValues = z.input<typeof branchBody>;

interface Props {
  companies: Company[];
  branches: Branch[];
  partyGroups: PartyGroup[];
  departments: Department[];
  editable: boolean;
}

export function BranchesSection({ companies, branches, partyGroups, departments, editable }: Props) {
  const { t } = useI18n();
  // The company level shows once the installation serves a group of several.
  const group = companies.length > 1;
  const companyName = (id: number) => companies.find((c) => c.id === id)?.name ?? '';
  const [editing, setEditing] = useState<{ branch?: Branch } | null>(null);
  const create = useCreateOrgItem(orgApi.createBranch);
  const update = useUpdateOrgItem(orgApi.updateBranch);

  const save = (values: BranchValues) =>
    editing?.branch
      ? update.mutateAsync({ id: editing.branch.id, patch: values })
      : create.mutateAsync(values);

  return (
    <Card
      type="inner"
      size="small"
      title={t('org.branches')}
      extra={
        editable && (
          <Button size="small" type="primary" onClick={() => setEditing({})}>
            {t('org.newBranch')}
          </Button>
        )
      }
    >
      <Table<Branch>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={activeFirst(branches)}
        columns={[
          {
            key: 'name',
            title: t('org.branchName'),
            fixed: 'left',
            // The short name goes under the full one: a column of its own would push the actions away.
            render: (_, b) => (
              <>
                <div>{b.name}</div>
                {b.shortName && <Typography.Text type="secondary">{b.shortName}</Typography.Text>}
              </>
            ),
          },
          ...(group
            ? [
                {
                  key: 'company',
                  title: t('org.company'),
                  render: (_: unknown, b: Branch) => companyName(b.companyId),
                },
              ]
            : []),
          { key: 'members', title: t('org.memberCount'), dataIndex: 'memberCount', align: 'right' },
          {
            key: 'groups',
            title: t('org.partyGroups'),
            render: (_, b) => (
              // Capped so long lists wrap and the actions column stays in view.
              <Space size={[4, 4]} wrap style={{ maxWidth: 200 }}>
                {partyGroups
                  .filter((g) => g.branchId === b.id && g.active)
                  .map((g) => (
                    <Tag key={g.id}>{g.name}</Tag>
                  ))}
              </Space>
            ),
          },
          {
            key: 'departments',
            title: t('org.departments'),
            render: (_, b) => (
              // Capped so long lists wrap and the actions column stays in view.
              <Space size={[4, 4]} wrap style={{ maxWidth: 300 }}>
                {departments
                  .filter((d) => d.branchId === b.id && d.active)
                  .map((d) => (
                    <Tag key={d.id} color={d.kind === 'business_centre' ? 'blue' : undefined}>
                      {d.name}
                    </Tag>
                  ))}
              </Space>
            ),
          },
          { key: 'status', title: t('common.status'), render: (_, b) => <ActiveTag active={b.active} /> },
          ...editToggleColumns<Branch>(t, editable, {
            edit: (b) => setEditing({ branch: b }),
            setActive: (b, active) => update.mutateAsync({ id: b.id, patch: { active } }),
          }),
        ]}
      />
      <EntityFormModal<BranchValues>
        open={editing !== null}
        title={editing?.branch ? t('org.editBranch') : t('org.newBranch')}
        initialValues={
          editing?.branch
            ? {
                companyId: editing.branch.companyId,
                name: editing.branch.name,
                shortName: editing.branch.shortName,
                sortOrder: editing.branch.sortOrder,
              }
            : { sortOrder: (branches.length + 1) * 10 }
        }
        onClose={() => setEditing(null)}
        onSubmit={save}
      >
        {group && (
          <Form.Item
            name="companyId"
            label={t('org.company')}
            rules={[requiredChoiceRule(t, t('org.company'))]}
          >
            <Select
              options={pickable(companies, editing?.branch?.companyId).map((c) => ({
                value: c.id,
                label: c.name,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('org.branchName')} rules={[requiredRule(t, t('org.branchName'))]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="shortName" label={t('org.shortName')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('org.sortOrder')} extra={t('org.sortOrderHint')}>
          <InputNumber min={0} max={9999} precision={0} />
        </Form.Item>
      </EntityFormModal>
    </Card>
  );
}
