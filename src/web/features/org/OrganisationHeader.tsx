import { useState } from 'react';
import { Button, Card, Descriptions, Form, Input } from 'antd';
import type { Structure } from '../../../common/api/org';
import { useUpdateOrganisation } from './org.api';
import { EntityFormModal } from '../../components/EntityFormModal';
import { useI18n } from '../../app/i18n/useI18n';
import { requiredRule } from '../../components/formRules';
import { issuingBody } from '../../../common/document-periods';

type Organisation = Structure['organisation'];

export function OrganisationHeader({
  organisation,
  editable,
}: {
  organisation: Organisation;
  editable: boolean;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const update = useUpdateOrganisation();

  return (
    <Card
      title={t('nav.org')}
      style={{ marginBottom: 16 }}
      extra={
        editable && (
          <Button size="small" onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'name', label: t('org.organisationName'), children: organisation.name },
          { key: 'committee', label: t('org.committeeName'), children: organisation.committeeName },
          {
            key: 'fullName',
            label: t('org.committeeFullName'),
            children: issuingBody(organisation),
          },
        ]}
      />
      <EntityFormModal<Organisation>
        open={editing}
        title={t('org.editOrganisation')}
        initialValues={organisation}
        onClose={() => setEditing(false)}
        onSubmit={(values) => update.mutateAsync(values)}
      >
        <Form.Item
          name="name"
          label={t('org.organisationName')}
          rules={[requiredRule(t, t('org.organisationName'))]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="committeeName"
          label={t('org.committeeName')}
          rules={[requiredRule(t, t('org.committeeName'))]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="committeeFullName"
          label={t('org.committeeFullName')}
          extra={t('org.committeeFullNameHelp', {
            example: issuingBody({ name: organisation.name, committeeFullName: null }),
          })}
        >
          <Input
            maxLength={100}
            placeholder={issuingBody({ name: organisation.name, committeeFullName: null })}
          />
        </Form.Item>
      </EntityFormModal>
    </Card>
  );
}
