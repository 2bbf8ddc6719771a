import type { ReactNode } from 'react';
import { Button, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import {
  actionKindDefaultTitles,
  actionKindLabels,
  actionKinds,
  type ActionKind,
} from '../../../common/actions';
import { requiredRule } from '../../components/formRules';
import { useI18n } from '../../app/i18n/useI18n';

interface KindRow {
  kind?: ActionKind;
}

/** One field of a kind row, labelled above its input so the rows wrap on a phone. */
function Cell({ label, width, children }: { label: string; width: number | string; children: ReactNode }) {
  return (
    <div style={{ width, minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      {children}
    </div>
  );
}

/** A kind is fixed once its row exists; shown as its name, the form still holds the value. */
function KindName({ value }: { value?: ActionKind }) {
  const { pick } = useI18n();
  return (
    <Typography.Text strong style={{ display: 'block', lineHeight: '32px', whiteSpace: 'nowrap' }}>
      {value ? pick(actionKindLabels[value]) : ''}
    </Typography.Text>
  );
}

/**
 * The campaign's action kinds: kind, title, required or not, count per period, period, grace
 * days and points. On a running campaign existing kinds cannot be removed.
 */
export function ActionKindsEditor({ locked }: { locked: ReadonlySet<ActionKind> }) {
  const { t, pick } = useI18n();
  const form = Form.useFormInstance();
  const rows = (Form.useWatch('actionKinds', form) ?? []) as KindRow[];
  const used = new Set(rows.map((r) => r?.kind));
  const unused = actionKinds.filter((k) => !used.has(k));

  return (
    <Form.List name="actionKinds">
      {(fields, { add, remove }) => (
        <div>
          {fields.map((field) => {
            const kind = rows[field.name]?.kind;
            return (
              <div
                key={field.key}
                data-testid="kind-row"
                style={{
                  display: 'flex',
                  flexWrap: 'wrap',
                  gap: 8,
                  alignItems: 'flex-end',
                  padding: '8px 0',
                  borderBottom: '1px solid #f0f0f0',
                }}
              >
                <Cell label={t('campaigns.kind')} width={72}>
                  <Form.Item name={[field.name, 'kind']} noStyle>
                    <KindName />
                  </Form.Item>
                </Cell>
                <Cell label={t('campaigns.kindTitle')} width="min(220px, 100%)">
                  <Form.Item
                    name={[field.name, 'title']}
                    noStyle
                    rules={[requiredRule(t, t('campaigns.kindTitle'))]}
                  >
                    <Input maxLength={60} />
                  </Form.Item>
                </Cell>
                <Cell label={t('campaigns.required')} width={64}>
                  <div style={{ height: 32, display: 'flex', alignItems: 'center' }}>
                    <Form.Item name={[field.name, 'required']} noStyle valuePropName="checked">
                      <Switch />
                    </Form.Item>
                  </div>
                </Cell>
                <Cell label={t('campaigns.requiredCount')} width={64}>
                  <Form.Item name={[field.name, 'requiredCount']} noStyle>
                    <InputNumber min={1} max={10} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Cell>
                <Cell label={t('campaigns.period')} width={88}>
                  <Form.Item name={[field.name, 'period']} noStyle>
                    <Select
                      style={{ width: '100%' }}
                      options={[
                        { value: 'month', label: t('campaigns.month') },
                        { value: 'quarter', label: t('campaigns.quarter') },
                      ]}
                    />
                  </Form.Item>
                </Cell>
                <Cell label={t('campaigns.graceDays')} width={64}>
                  <Form.Item name={[field.name, 'graceDays']} noStyle>
                    <InputNumber min={0} max={60} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Cell>
                <Cell label={t('campaigns.points')} width={64}>
                  <Form.Item name={[field.name, 'points']} noStyle>
                    <InputNumber min={0} max={100} style={{ width: '100%' }} />
                  </Form.Item>
                </Cell>
                {!(kind && locked.has(kind)) && (
                  <Button type="link" danger onClick={() => remove(field.name)} style={{ paddingInline: 4 }}>
                    {t('field.remove')}
                  </Button>
                )}
              </div>
            );
          })}
          {unused.length > 0 && (
            <Select<ActionKind>
              style={{ width: 200, marginTop: 8 }}
              placeholder={`+ ${t('campaigns.addKind')}`}
              value={null}
              options={unused.map((k) => ({ value: k, label: pick(actionKindLabels[k]) }))}
              onChange={(k) =>
                add({
                  kind: k,
                  title: actionKindDefaultTitles[k],
                  required: k !== 'optional',
                  requiredCount: 1,
                  period: 'month',
                  graceDays: 5,
                  points: k === 'optional' ? 2 : 20,
                })
              }
            />
          )}
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
            {t('campaigns.graceHint')}
          </Typography.Paragraph>
        </div>
      )}
    </Form.List>
  );
}
