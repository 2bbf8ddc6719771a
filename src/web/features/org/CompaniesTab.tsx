import { useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import type { z } from 'zod';
import type { companyBody } from '../../../common/api/org';
import { orgApi } from '../../../common/api/org.routes';
import { activeFirst, useCreateOrgItem, useUpdateOrgItem, type Company } from './org.api';
import { EntityFormModal } from '../../components/EntityFormModal';
import { ActiveTag, editToggleColumns } from '../../components/ActiveControls';
import { requiredRule } from '../../components/formRules';
import { useI18n } from '../../app/i18n/useI18n';

type CompanyValues = z.input<typeof companyBody>;

/**
 * The companies of a group, each with its organ committee over its own branches. One company is
 * the organisation itself; the administrator adds the others here.
 */
export function CompaniesTab({ companies, editable }: { companies: Company[]; editable: boolean }) {
  const { t } = useI18n();
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<{ company?: Company } | null>(null);
  const create = useCreateOrgItem(orgApi.createCompany);
  const update = useUpdateOrgItem(orgApi.updateCompany);
  const rows = activeFirst(showInactive ? companies : companies.filter((c) => c.active));

  const save = (values: CompanyValues) =>
    editing?.company
      ? update.mutateAsync({ id: editing.company.id, patch: values })
      : create.mutateAsync(values);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {companies.length < 2 && <Alert type="info" title={t('org.companiesOne')} />}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between' }}>
        <Checkbox checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)}>
          {t('common.showInactive')}
        </Checkbox>
        {editable && (
          <Button type="primary" onClick={() => setEditing({})}>
            {t('org.newCompany')}
          </Button>
        )}
      </div>
      <Table<Company>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        columns={[
          {
            key: 'name',
            title: t('org.companyName'),
            fixed: 'left',
            render: (_, c) => (
              <>
                <div>{c.name}</div>
                {c.shortName && <Typography.Text type="secondary">{c.shortName}</Typography.Text>}
              </>
            ),
          },
          {
            key: 'committee',
            title: t('org.committeeName'),
            render: (_, c) => c.committeeFullName ?? c.committeeName,
          },
          { key: 'branches', title: t('org.branchCount'), dataIndex: 'branchCount', align: 'right' },
          { key: 'status', title: t('common.status'), render: (_, c) => <ActiveTag active={c.active} /> },
          ...editToggleColumns<Company>(t, editable, {
            edit: (c) => setEditing({ company: c }),
            setActive: (c, active) => update.mutateAsync({ id: c.id, patch: { active } }),
          }),
        ]}
      />
      <EntityFormModal<CompanyValues>
        open={editing !== null}
        title={editing?.company ? t('org.editCompany') : t('org.newCompany')}
        initialValues={
          editing?.company
            ? {
                name: editing.company.name,
                shortName: editing.company.shortName,
                committeeName: editing.company.committeeName,
                committeeFullName: editing.company.committeeFullName,
                sortOrder: editing.company.sortOrder,
              }
            : { committeeName: '机关党委', sortOrder: (companies.length + 1) * 10 }
        }
        onClose={() => setEditing(null)}
        onSubmit={save}
      >
        <Form.Item name="name" label={t('org.companyName')} rules={[requiredRule(t, t('org.companyName'))]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="shortName" label={t('org.shortName')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item
          name="committeeName"
          label={t('org.committeeName')}
          rules={[requiredRule(t, t('org.committeeName'))]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="committeeFullName" label={t('org.committeeFullName')}>
          <Input maxLength={100} placeholder={t('org.companyCommitteeFullNameHint')} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('org.sortOrder')} extra={t('org.sortOrderHint')}>
          <InputNumber min={0} max={9999} precision={0} />
        </Form.Item>
      </EntityFormModal>
    </Space>
  );
}
