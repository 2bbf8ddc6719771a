import { useState } from 'react';
import { Button, Card, Form, Input, Select, Table } from 'antd';
import type { z } from 'zod';
import type { departmentBody } from '../../../common/api/org';
import { orgApi } from '../../../common/api/org.routes';
import { departmentKindLabels, departmentKinds } from '../../../common/enums';
import {
  activeFirst,
  pickable,
  useCreateOrgItem,
  useUpdateOrgItem,
  type Branch,
  type Department,
} from './org.api';
import { EntityFormModal } from '../../components/EntityFormModal';
import { ActiveTag, editToggleColumns } from '../../components/ActiveControls';
import { requiredRule } from '../../components/formRules';
import { useI18n } from '../../app/i18n/useI18n';

type DepartmentValues = z.input<typeof departmentBody>;

interface Props {
  departments: Department[];
  branches: Branch[];
  editable: boolean;
}

/** Functional departments and business centres; each is covered by one branch. */
export function DepartmentsSection({ departments, branches, editable }: Props) {
  const { t, pick } = useI18n();
  const [editing, setEditing] = useState<{ department?: Department } | null>(null);
  const create = useCreateOrgItem(orgApi.createDepartment);
  const update = useUpdateOrgItem(orgApi.updateDepartment);
  const branchName = (id: number | null) =>
    id === null ? t('org.unassigned') : (branches.find((b) => b.id === id)?.name ?? '');

  const save = (values: DepartmentValues) => {
    // A cleared select yields undefined; the API wants an explicit null for "no branch".
    const body = { ...values, branchId: values.branchId ?? null };
    return editing?.department
      ? update.mutateAsync({ id: editing.department.id, patch: body })
      : create.mutateAsync(body);
  };

  return (
    <Card
      type="inner"
      size="small"
      title={t('org.departments')}
      extra={
        editable && (
          <Button size="small" onClick={() => setEditing({})}>
            {t('org.newDepartment')}
          </Button>
        )
      }
    >
      <Table<Department>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={activeFirst(departments)}
        columns={[
          { key: 'name', title: t('org.departmentName'), dataIndex: 'name' },
          {
            key: 'kind',
            title: t('org.departmentKind'),
            render: (_, d) => pick(departmentKindLabels[d.kind]),
          },
          { key: 'branch', title: t('common.branch'), render: (_, d) => branchName(d.branchId) },
          { key: 'status', title: t('common.status'), render: (_, d) => <ActiveTag active={d.active} /> },
          ...editToggleColumns<Department>(t, editable, {
            edit: (d) => setEditing({ department: d }),
            setActive: (d, active) => update.mutateAsync({ id: d.id, patch: { active } }),
          }),
        ]}
      />
      <EntityFormModal<DepartmentValues>
        open={editing !== null}
        title={editing?.department ? t('org.editDepartment') : t('org.newDepartment')}
        initialValues={
          editing?.department
            ? {
                name: editing.department.name,
                kind: editing.department.kind,
                branchId: editing.department.branchId,
              }
            : { kind: 'department' }
        }
        onClose={() => setEditing(null)}
        onSubmit={save}
      >
        <Form.Item
          name="name"
          label={t('org.departmentName')}
          rules={[requiredRule(t, t('org.departmentName'))]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="kind" label={t('org.departmentKind')} rules={[{ required: true }]}>
          <Select
            options={departmentKinds.map((k) => ({ value: k, label: pick(departmentKindLabels[k]) }))}
          />
        </Form.Item>
        <Form.Item name="branchId" label={t('common.branch')}>
          <Select
            allowClear
            placeholder={t('org.unassigned')}
            options={pickable(branches, editing?.department?.branchId).map((b) => ({
              value: b.id,
              label: b.name,
            }))}
          />
        </Form.Item>
      </EntityFormModal>
    </Card>
  );
}
