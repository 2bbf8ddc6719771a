import { Button, Card, Form, Input, Typography } from 'antd';
import { meetingLimits as L } from '../../../common/record-fields';
import { requiredRule } from '../../components/formRules';
import { useI18n } from '../../app/i18n/useI18n';

const rowStyle = { display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'flex-start' } as const;

/**
 * 列席人员: people at the meeting who are not members of the branch (a leader, a member of
 * another branch, a guest), by name with their unit — kept apart from the branch's attendance so
 * they never count in its 应到 or rates.
 */
export function AttendeesEditor({ label }: { label: string }) {
  const { t } = useI18n();
  return (
    <Form.Item label={label} extra={t('meeting.attendeesHint')}>
      <Form.List name={['data', 'attendees']}>
        {(fields, { add, remove }) => (
          <div>
            {fields.map((field) => (
              <div key={field.key} style={{ ...rowStyle, marginBottom: 8 }} data-testid="attendee-row">
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[requiredRule(t, t('meeting.attendeeName'))]}
                  style={{ flex: '1 1 120px', marginBottom: 0 }}
                >
                  <Input maxLength={L.attendeeName} placeholder={t('meeting.attendeeName')} />
                </Form.Item>
                <Form.Item name={[field.name, 'unit']} style={{ flex: '2 1 180px', marginBottom: 0 }}>
                  <Input maxLength={L.attendeeUnit} placeholder={t('meeting.attendeeUnit')} />
                </Form.Item>
                <Button type="link" danger onClick={() => remove(field.name)} style={{ paddingInline: 4 }}>
                  {t('field.remove')}
                </Button>
              </div>
            ))}
            {fields.length < L.attendees && (
              <Button type="dashed" onClick={() => add({ name: '', unit: '' })}>
                + {t('meeting.addAttendee')}
              </Button>
            )}
          </div>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** The speeches of one agenda item: who spoke and the gist of what they said. */
function Speeches({ item }: { item: number }) {
  const { t } = useI18n();
  return (
    <Form.List name={[item, 'speeches']}>
      {(fields, { add, remove }) => (
        <div>
          <Typography.Text type="secondary">{t('meeting.speeches')}</Typography.Text>
          {fields.map((field) => (
            <div key={field.key} style={{ ...rowStyle, marginTop: 8 }} data-testid="speech-row">
              <Form.Item
                name={[field.name, 'speaker']}
                rules={[requiredRule(t, t('meeting.speaker'))]}
                style={{ flex: '0 1 120px', minWidth: 100, marginBottom: 0 }}
              >
                <Input
                  maxLength={L.speaker}
                  placeholder={t('meeting.speaker')}
                  aria-label={t('meeting.speaker')}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'summary']}
                rules={[requiredRule(t, t('meeting.speechSummary'))]}
                style={{ flex: '1 1 200px', marginBottom: 0 }}
              >
                <Input.TextArea
                  autoSize={{ minRows: 1, maxRows: 8 }}
                  maxLength={L.speech}
                  placeholder={t('meeting.speechSummary')}
                  aria-label={t('meeting.speechSummary')}
                />
              </Form.Item>
              <Button type="link" danger onClick={() => remove(field.name)} style={{ paddingInline: 4 }}>
                {t('field.remove')}
              </Button>
            </div>
          ))}
          {fields.length < L.speeches && (
            <Button
              size="small"
              type="dashed"
              style={{ marginTop: 8 }}
              onClick={() => add({ speaker: '', summary: '' })}
            >
              + {t('meeting.addSpeech')}
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}

/**
 * 议题: each agenda item with its speeches (发言摘要) and, where the meeting decided something,
 * the decision (决议) — the structured minutes inspectors read line by line.
 */
export function AgendaEditor({ label }: { label: string }) {
  const { t } = useI18n();
  return (
    <Form.Item label={label} extra={t('meeting.agendaHint')}>
      <Form.List name={['data', 'agenda']}>
        {(fields, { add, remove }) => (
          <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
            {fields.map((field, i) => (
              <Card
                key={field.key}
                size="small"
                data-testid="agenda-item"
                title={t('meeting.agendaItem', { n: i + 1 })}
                extra={
                  <Button type="link" danger size="small" onClick={() => remove(field.name)}>
                    {t('field.remove')}
                  </Button>
                }
                styles={{ body: { paddingBlock: 12 } }}
              >
                <Form.Item
                  name={[field.name, 'title']}
                  label={t('meeting.agendaTitle')}
                  rules={[requiredRule(t, t('meeting.agendaTitle'))]}
                >
                  <Input maxLength={L.agendaTitle} />
                </Form.Item>
                <Speeches item={field.name} />
                <Form.Item
                  name={[field.name, 'decision']}
                  label={t('meeting.decision')}
                  style={{ marginTop: 12, marginBottom: 0 }}
                >
                  <Input.TextArea
                    autoSize={{ minRows: 1, maxRows: 6 }}
                    maxLength={L.decision}
                    placeholder={t('meeting.decisionHint')}
                  />
                </Form.Item>
              </Card>
            ))}
            {fields.length < L.agendaItems && (
              <Button
                type="dashed"
                style={{ alignSelf: 'flex-start' }}
                onClick={() => add({ title: '', speeches: [{ speaker: '', summary: '' }], decision: '' })}
              >
                + {t('meeting.addAgendaItem')}
              </Button>
            )}
          </div>
        )}
      </Form.List>
    </Form.Item>
  );
}
