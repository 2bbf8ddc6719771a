import { useState } from 'react';
import { Button, Checkbox, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { z } from 'zod';
import type { unitBody } from '../../../common/api/org';
import { orgApi } from '../../../common/api/org.routes';
import { unitKindLabels, unitKinds } from '../../../common/enums';
import { activeFirst, useCreateOrgItem, useUpdateOrgItem, type GrassrootsUnit } from './org.api';
import { EntityFormModal } from '../../components/EntityFormModal';
import { ActiveTag, editToggleColumns } from '../../components/ActiveControls';
import { requiredRule } from '../../components/formRules';
import { useI18n } from '../../app/i18n/useI18n';

type UnitValues = z.input<typeof unitBody>;

/** Divisions, subsidiaries and projects outside HQ that raise problems for the branches to solve. */
export function UnitsTab({ units, editable }: { units: GrassrootsUnit[]; editable: boolean }) {
  const { t, pick } = useI18n();
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<{ unit?: GrassrootsUnit } | null>(null);
  const create = useCreateOrgItem(orgApi.createUnit);
  const update = useUpdateOrgItem(orgApi.updateUnit);
  const rows = activeFirst(showInactive ? units : units.filter((u) => u.active));

  const save = (values: UnitValues) =>
    editing?.unit ? update.mutateAsync({ id: editing.unit.id, patch: values }) : create.mutateAsync(values);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('org.unitsIntro')}</Typography.Text>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between' }}>
        <Checkbox checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)}>
          {t('common.showInactive')}
        </Checkbox>
        {editable && (
          <Button type="primary" onClick={() => setEditing({})}>
            {t('org.newUnit')}
          </Button>
        )}
      </div>
      <Table<GrassrootsUnit>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        columns={[
          { key: 'name', title: t('org.unitName'), dataIndex: 'name' },
          { key: 'kind', title: t('org.unitKind'), render: (_, u) => pick(unitKindLabels[u.kind]) },
          { key: 'status', title: t('common.status'), render: (_, u) => <ActiveTag active={u.active} /> },
          ...editToggleColumns<GrassrootsUnit>(t, editable, {
            edit: (u) => setEditing({ unit: u }),
            setActive: (u, active) => update.mutateAsync({ id: u.id, patch: { active } }),
          }),
        ]}
      />
      <EntityFormModal<UnitValues>
        open={editing !== null}
        title={editing?.unit ? t('org.editUnit') : t('org.newUnit')}
        initialValues={
          editing?.unit ? { name: editing.unit.name, kind: editing.unit.kind } : { kind: 'division' }
        }
        onClose={() => setEditing(null)}
        onSubmit={save}
      >
        <Form.Item name="name" label={t('org.unitName')} rules={[requiredRule(t, t('org.unitName'))]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="kind" label={t('org.unitKind')} rules={[{ required: true }]}>
          <Select options={unitKinds.map((k) => ({ value: k, label: pick(unitKindLabels[k]) }))} />
        </Form.Item>
      </EntityFormModal>
    </Space>
  );
}
