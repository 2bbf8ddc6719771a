import type { ReactNode } from 'react';
import { Button, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Structure } from '../../../common/api/org';
import {
  problemMeasureLabels,
  problemMeasures,
  publicityKindLabels,
  publicityKinds,
} from '../../../common/actions';
import { pickable } from '../org/org.api';
import { useOptions } from './SessionFields';
import { useChannelOptions } from './channels';
import { requiredChoiceRule, requiredRule } from '../../components/formRules';
import { useI18n } from '../../app/i18n/useI18n';
import { channelLinkMax, maxLengthOf, measureNoteMax } from '../../../common/record-fields';

const notFuture = (d: dayjs.Dayjs) => d.isAfter(dayjs(), 'day');

/** A new row's date: the record's own date when set (a past month's record), else today. */
function useRecordDay() {
  const form = Form.useFormInstance();
  return () => (form.getFieldValue('occurredOn') as dayjs.Dayjs | null | undefined) ?? dayjs();
}
const fullWidth = { width: '100%' };

/** 制度修订: the rule, the gap found, opinions, the change, and its publication. */
export function RuleRevisionFields({ structure, branchId }: { structure?: Structure; branchId: number }) {
  const { t } = useI18n();
  const departmentId = Form.useWatch(['data', 'departmentId']) as number | undefined;
  const departments = pickable(structure?.departments ?? [], departmentId);
  // The branch's own departments first; a revision may still concern another one.
  const sorted = [...departments].sort(
    (a, b) => Number(b.branchId === branchId) - Number(a.branchId === branchId),
  );
  return (
    <Row gutter={16}>
      <Col xs={24} md={16}>
        <Form.Item
          name={['data', 'ruleTitle']}
          label={t('field.rule.ruleTitle')}
          rules={[requiredRule(t, t('field.rule.ruleTitle'))]}
        >
          <Input maxLength={maxLengthOf('rule_revision', 'ruleTitle')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={['data', 'ruleType']} label={t('field.rule.ruleType')} rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'rule', label: t('field.rule.rule') },
              { value: 'process', label: t('field.rule.process') },
            ]}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['data', 'departmentId']} label={t('field.rule.department')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={sorted.map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name={['data', 'gap']} label={t('field.rule.gap')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={maxLengthOf('rule_revision', 'gap')}
          />
        </Form.Item>
        <Form.Item name={['data', 'opinionsSolicited']} label={t('field.rule.opinions')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={maxLengthOf('rule_revision', 'opinionsSolicited')}
          />
        </Form.Item>
        <Form.Item name={['data', 'changeSummary']} label={t('field.rule.changeSummary')}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={maxLengthOf('rule_revision', 'changeSummary')}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name={['data', 'publishedOn']}
          label={t('field.rule.publishedOn')}
          extra={t('field.rule.countsHint')}
        >
          <DatePicker style={fullWidth} disabledDate={notFuture} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={['data', 'documentNo']} label={t('field.rule.documentNo')}>
          <Input maxLength={maxLengthOf('rule_revision', 'documentNo')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={['data', 'releaseForm']} label={t('field.rule.releaseForm')}>
          <Input maxLength={maxLengthOf('rule_revision', 'releaseForm')} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Rows of a list field (measures, channels) with an add button; each row wraps on a phone. */
function RowList({
  name,
  label,
  addLabel,
  newRow,
  render,
}: {
  name: string;
  label: string;
  addLabel: string;
  newRow: () => Record<string, unknown>;
  render: (field: number) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Form.Item label={label} required={false}>
      <Form.List name={['data', name]}>
        {(fields, { add, remove }) => (
          <div>
            {fields.map((field) => (
              <div
                key={field.key}
                style={{
                  display: 'flex',
                  flexWrap: 'wrap',
                  gap: 8,
                  alignItems: 'flex-start',
                  marginBottom: 8,
                  paddingBottom: 8,
                  borderBottom: '1px dashed #f0f0f0',
                }}
              >
                {render(field.name)}
                <Button type="link" danger onClick={() => remove(field.name)} style={{ paddingInline: 4 }}>
                  {t('field.remove')}
                </Button>
              </div>
            ))}
            <Button type="dashed" onClick={() => add(newRow())}>
              + {addLabel}
            </Button>
          </div>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** 基层问题: the unit and who raised it, the problem, measures, resolution and outcome. */
export function ProblemFields({ structure }: { structure?: Structure }) {
  const { t } = useI18n();
  const options = useOptions();
  const unitId = Form.useWatch(['data', 'unitId']) as number | undefined;
  const recordDay = useRecordDay();
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name={['data', 'unitId']} label={t('field.problem.unit')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={pickable(structure?.units ?? [], unitId).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={['data', 'raisedBy']} label={t('field.problem.raisedBy')}>
          <Input maxLength={maxLengthOf('grassroots_problem', 'raisedBy')} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={['data', 'category']} label={t('field.problem.category')}>
          <Input maxLength={maxLengthOf('grassroots_problem', 'category')} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item
          name={['data', 'description']}
          label={t('field.problem.description')}
          rules={[requiredRule(t, t('field.problem.description'))]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={maxLengthOf('grassroots_problem', 'description')}
          />
        </Form.Item>
        <RowList
          name="measures"
          label={t('field.problem.measures')}
          addLabel={t('field.problem.addMeasure')}
          newRow={() => ({ date: recordDay(), kind: 'one_to_one' })}
          render={(n) => (
            <>
              <Form.Item
                name={[n, 'date']}
                noStyle
                rules={[requiredChoiceRule(t, t('field.problem.measureDate'))]}
              >
                <DatePicker style={{ width: 140 }} disabledDate={notFuture} />
              </Form.Item>
              <Form.Item
                name={[n, 'kind']}
                noStyle
                rules={[requiredChoiceRule(t, t('field.problem.measureKind'))]}
              >
                <Select style={{ width: 150 }} options={options(problemMeasures, problemMeasureLabels)} />
              </Form.Item>
              <Form.Item name={[n, 'note']} noStyle>
                <Input
                  style={{ flex: '1 1 180px' }}
                  maxLength={measureNoteMax}
                  placeholder={t('field.problem.measureNote')}
                />
              </Form.Item>
            </>
          )}
        />
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name={['data', 'resolvedOn']}
          label={t('field.problem.resolvedOn')}
          extra={t('field.problem.countsHint')}
        >
          <DatePicker style={fullWidth} disabledDate={notFuture} />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item name={['data', 'outcome']} label={t('field.problem.outcome')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={maxLengthOf('grassroots_problem', 'outcome')}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** 新闻宣传: kind, author, the channels it went out on (date, link, reach) and highlights. */
export function PublicityFields() {
  const { t } = useI18n();
  const options = useOptions();
  const recordDay = useRecordDay();
  const rows = (Form.useWatch(['data', 'channels']) ?? []) as { channel?: string }[];
  const channelOptions = useChannelOptions(rows.map((r) => r?.channel ?? ''));
  const firstCode = channelOptions[0]?.value ?? 'website';
  return (
    <Row gutter={16}>
      <Col xs={12} md={8}>
        <Form.Item
          name={['data', 'kind']}
          label={t('field.publicity.kind')}
          rules={[requiredChoiceRule(t, t('field.publicity.kind'))]}
        >
          <Select options={options(publicityKinds, publicityKindLabels)} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name={['data', 'author']} label={t('field.publicity.author')}>
          <Input maxLength={maxLengthOf('publicity', 'author')} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <RowList
          name="channels"
          label={t('field.publicity.channels')}
          addLabel={t('field.publicity.addChannel')}
          newRow={() => ({ channel: firstCode, publishedOn: recordDay() })}
          render={(n) => (
            <>
              <Form.Item
                name={[n, 'channel']}
                noStyle
                rules={[requiredChoiceRule(t, t('field.publicity.channel'))]}
              >
                <Select style={{ width: 160 }} options={channelOptions} />
              </Form.Item>
              <Form.Item
                name={[n, 'publishedOn']}
                noStyle
                rules={[requiredChoiceRule(t, t('field.publicity.publishedOn'))]}
              >
                <DatePicker style={{ width: 140 }} disabledDate={notFuture} />
              </Form.Item>
              <Form.Item name={[n, 'link']} noStyle>
                <Input
                  style={{ flex: '1 1 200px' }}
                  maxLength={channelLinkMax}
                  placeholder={t('field.publicity.link')}
                />
              </Form.Item>
              {/* Reach on a second line of the row. */}
              <div style={{ flexBasis: '100%', height: 0 }} />
              <Form.Item name={[n, 'views']} noStyle>
                <InputNumber
                  style={{ width: 150 }}
                  min={0}
                  precision={0}
                  prefix={<span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('field.publicity.views')}</span>}
                  aria-label={t('field.publicity.views')}
                />
              </Form.Item>
              <Form.Item name={[n, 'likes']} noStyle>
                <InputNumber
                  style={{ width: 150 }}
                  min={0}
                  precision={0}
                  prefix={<span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('field.publicity.likes')}</span>}
                  aria-label={t('field.publicity.likes')}
                />
              </Form.Item>
            </>
          )}
        />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -12 }}>
          {t('field.publicity.countsHint')} {t('field.publicity.reachHint')}
        </Typography.Paragraph>
        <Form.Item name={['data', 'highlights']} label={t('field.publicity.highlights')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={maxLengthOf('publicity', 'highlights')}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
