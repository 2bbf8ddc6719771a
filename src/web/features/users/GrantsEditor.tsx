import { Button, Card, Form, Select } from 'antd';
import type { Structure } from '../../../common/api/org';
import type { GrantInput } from '../../../common/api/users';
import { roleLabels, roleScope, roles } from '../../../common/roles';
import { pickable } from '../org/org.api';
import { requiredChoiceRule } from '../../components/formRules';
import { useI18n } from '../../app/i18n/useI18n';

/**
 * Edits the form's `grants` list: each row is a role plus the one scope that role needs —
 * a branch (secretary, member), departments (leader), a grassroots unit (contact) or, for a
 * committee in a group, its company.
 */
export function GrantsEditor({ structure }: { structure: Structure }) {
  const { t, pick } = useI18n();
  const form = Form.useFormInstance();
  const grants = (Form.useWatch('grants', form) ?? []) as (GrantInput | undefined)[];

  const scopeField = (index: number) => {
    const grant = grants[index];
    if (!grant?.role) return null;
    switch (roleScope[grant.role]) {
      case 'branch':
        return (
          <Form.Item
            name={[index, 'branchId']}
            label={t('users.grantBranch')}
            rules={[requiredChoiceRule(t, t('users.grantBranch'))]}
          >
            <Select
              options={pickable(structure.branches, grant.branchId).map((b) => ({
                value: b.id,
                label: b.name,
              }))}
            />
          </Form.Item>
        );
      case 'departments':
        return (
          <Form.Item
            name={[index, 'departmentIds']}
            label={t('users.grantDepartments')}
            rules={[
              {
                required: true,
                type: 'array',
                min: 1,
                message: t('common.requiredChoice', { field: t('users.grantDepartments') }),
              },
            ]}
          >
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              options={pickable(structure.departments, grant.departmentIds).map((d) => ({
                value: d.id,
                label: d.name,
              }))}
            />
          </Form.Item>
        );
      case 'unit':
        return (
          <Form.Item
            name={[index, 'grassrootsUnitId']}
            label={t('users.grantUnit')}
            rules={[requiredChoiceRule(t, t('users.grantUnit'))]}
          >
            <Select
              options={pickable(structure.units, grant.grassrootsUnitId).map((u) => ({
                value: u.id,
                label: u.name,
              }))}
            />
          </Form.Item>
        );
      case 'all':
        // A committee of one company, or (left empty) the group's: asked only where there are companies.
        return grant.role === 'committee' && structure.companies.length > 1 ? (
          <Form.Item
            name={[index, 'companyId']}
            label={t('users.grantCompany')}
            extra={t('users.grantCompanyHint')}
          >
            <Select
              allowClear
              placeholder={t('users.grantCompanyGroup')}
              options={pickable(structure.companies, grant.companyId ?? null).map((c) => ({
                value: c.id,
                label: c.name,
              }))}
            />
          </Form.Item>
        ) : null;
    }
  };

  return (
    <Form.List
      name="grants"
      rules={[
        {
          validator: (_rule, value: unknown[] | undefined) =>
            value && value.length > 0
              ? Promise.resolve()
              : Promise.reject(new Error(t('users.grantsRequired'))),
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginBottom: 8 }}
              title={`${t('users.grantRole')} ${index + 1}`}
              extra={
                <Button type="link" size="small" danger onClick={() => remove(field.name)}>
                  {t('users.removeGrant')}
                </Button>
              }
            >
              <Form.Item
                name={[field.name, 'role']}
                label={t('users.grantRole')}
                rules={[requiredChoiceRule(t, t('users.grantRole'))]}
              >
                <Select options={roles.map((r) => ({ value: r, label: pick(roleLabels[r]) }))} />
              </Form.Item>
              {scopeField(field.name)}
            </Card>
          ))}
          <Button type="dashed" block onClick={() => add({})}>
            + {t('users.addGrant')}
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}
