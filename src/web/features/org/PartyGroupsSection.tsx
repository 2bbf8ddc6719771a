import { useState } from 'react';
import { Button, Card, Form, Input, Select, Table } from 'antd';
import type { z } from 'zod';
import type { partyGroupBody } from '../../../common/api/org';
import { orgApi } from '../../../common/api/org.routes';
import { pickable, useCreateOrgItem, useUpdateOrgItem, type Branch, type PartyGroup } from './org.api';
import { EntityFormModal } from '../../components/EntityFormModal';
import { ActiveTag, editToggleColumns } from '../../components/ActiveControls';
import { requiredChoiceRule, requiredRule } from '../../components/formRules';
import { useI18n } from '../../app/i18n/useI18n';

type GroupValues = z.input<typeof partyGroupBody>;

interface Props {
  partyGroups: PartyGroup[];
  branches: Branch[];
  editable: boolean;
}

export function PartyGroupsSection({ partyGroups, branches, editable }: Props) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<{ group?: PartyGroup } | null>(null);
  const create = useCreateOrgItem(orgApi.createPartyGroup);
  const update = useUpdateOrgItem(orgApi.updatePartyGroup);
  const branchName = (id: number) => branches.find((b) => b.id === id)?.name ?? '';
  // Grouped by branch, in the branches' order, so the list reads like the organisation chart.
  const branchOrder = new Map(branches.map((b, i) => [b.id, i]));
  const rows = [...partyGroups].sort(
    (a, b) =>
      Number(b.active) - Number(a.active) ||
      (branchOrder.get(a.branchId) ?? 0) - (branchOrder.get(b.branchId) ?? 0),
  );

  const save = (values: GroupValues) =>
    editing?.group
      ? // The branch of a group is fixed; only the name changes.
        update.mutateAsync({ id: editing.group.id, patch: { name: values.name } })
      : create.mutateAsync(values);

  return (
    <Card
      type="inner"
      size="small"
      title={t('org.partyGroups')}
      extra={
        editable && (
          <Button size="small" onClick={() => setEditing({})}>
            {t('org.newPartyGroup')}
          </Button>
        )
      }
    >
      <Table<PartyGroup>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        columns={[
          { key: 'name', title: t('org.partyGroupName'), dataIndex: 'name' },
          { key: 'branch', title: t('common.branch'), render: (_, g) => branchName(g.branchId) },
          { key: 'members', title: t('org.partyGroupMembers'), dataIndex: 'memberCount', align: 'right' },
          { key: 'status', title: t('common.status'), render: (_, g) => <ActiveTag active={g.active} /> },
          ...editToggleColumns<PartyGroup>(t, editable, {
            edit: (g) => setEditing({ group: g }),
            setActive: (g, active) => update.mutateAsync({ id: g.id, patch: { active } }),
          }),
        ]}
      />
      <EntityFormModal<GroupValues>
        open={editing !== null}
        title={editing?.group ? t('org.editPartyGroup') : t('org.newPartyGroup')}
        initialValues={editing?.group ? { name: editing.group.name, branchId: editing.group.branchId } : {}}
        onClose={() => setEditing(null)}
        onSubmit={save}
      >
        <Form.Item
          name="branchId"
          label={t('common.branch')}
          rules={[requiredChoiceRule(t, t('common.branch'))]}
          extra={editing?.group ? t('org.partyGroupBranchFixed') : undefined}
        >
          <Select
            disabled={!!editing?.group}
            options={pickable(branches, editing?.group?.branchId).map((b) => ({
              value: b.id,
              label: b.name,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('org.partyGroupName')}
          rules={[requiredRule(t, t('org.partyGroupName'))]}
        >
          <Input maxLength={60} />
        </Form.Item>
      </EntityFormModal>
    </Card>
  );
}
