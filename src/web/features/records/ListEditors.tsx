import type { ReactNode } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { problemMeasureLabels, problemMeasures } from '../../../common/actions';
import { useChannelOptions } from './channels';
import { requiredChoiceRule } from '../../components/formRules';
import { useI18n } from '../../app/i18n/useI18n';
import { channelLinkMax, measureNoteMax } from '../../../common/record-fields';

// The editors of the list fields of the work kinds (a problem's measures, a publicity item's
// channels): rows that each hold several inputs. The field list names them by widget.

export const notFuture = (d: dayjs.Dayjs) => d.isAfter(dayjs(), 'day');

/** A new row's date: the record's own date when set (a past month's record), else today. */
function useRecordDay() {
  const form = Form.useFormInstance();
  return () => (form.getFieldValue('occurredOn') as dayjs.Dayjs | null | undefined) ?? dayjs();
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

/** 解决措施 of a problem: each measure's date, kind and a note. */
export function MeasuresEditor({ label }: { label: string }) {
  const { t, pick } = useI18n();
  const recordDay = useRecordDay();
  const options = problemMeasures.map((v) => ({ value: v, label: pick(problemMeasureLabels[v]) }));
  return (
    <RowList
      name="measures"
      label={label}
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
            <Select style={{ width: 150 }} options={options} />
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
  );
}

/** 发布渠道 of a publicity item: each channel's date, link or issue, and reach. */
export function ChannelsEditor({ label }: { label: string }) {
  const { t } = useI18n();
  const recordDay = useRecordDay();
  const rows = (Form.useWatch(['data', 'channels']) ?? []) as { channel?: string }[];
  const channelOptions = useChannelOptions(rows.map((r) => r?.channel ?? ''));
  const firstCode = channelOptions[0]?.value ?? 'website';
  return (
    <>
      <RowList
        name="channels"
        label={label}
        addLabel={t('field.publicity.addChannel')}
        newRow={() => ({ channel: firstCode, publishedOn: recordDay() })}
        render={(n) => (
          <>
            <Form.Item
              name={[n, 'channel']}
              noStyle
              rules={[requiredChoiceRule(t, t('field.publicity.channel'))]}
            >
              {/* Not virtual: a virtual list keeps hidden options whose text is the code
                  (website, wechat…), which screen readers read out; the few channels need none. */}
              <Select
                style={{ width: 160 }}
                options={channelOptions}
                virtual={false}
                aria-label={t('field.publicity.channel')}
              />
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
                prefix={<span style={{ color: 'rgba(0, 0, 0, 0.62)' }}>{t('field.publicity.views')}</span>}
                aria-label={t('field.publicity.views')}
              />
            </Form.Item>
            <Form.Item name={[n, 'likes']} noStyle>
              <InputNumber
                style={{ width: 150 }}
                min={0}
                precision={0}
                prefix={<span style={{ color: 'rgba(0, 0, 0, 0.62)' }}>{t('field.publicity.likes')}</span>}
                aria-label={t('field.publicity.likes')}
              />
            </Form.Item>
          </>
        )}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -12 }}>
        {t('field.publicity.countsHint')} {t('field.publicity.reachHint')}
      </Typography.Paragraph>
    </>
  );
}
