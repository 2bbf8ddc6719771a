import { Col, Form, Input, Row, Select } from 'antd';
import type { Person } from '../../../common/api/people';
import { meetingLimits, recordFields } from '../../../common/record-fields';
import { modeUses } from '../../../common/meeting-checks';
import { useI18n } from '../../app/i18n/useI18n';

/** A person picker over the branch roster (host, recorder). */
export function PersonSelect({ people, ...rest }: { people: Person[]; value?: number | null }) {
  return (
    <Select<number>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      options={people.filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }))}
      {...rest}
    />
  );
}

// The labels of the meeting facts are the field list's own (one place for each field).
const f = recordFields.study;

/**
 * When and where a meeting was held and who led it: start and end time, the place in person or
 * the platform and meeting number online (only the ones the mode needs are shown), host and
 * recorder, and for a 党课 its lecturer.
 */
export function MeetingFields({ people, withLecturer }: { people: Person[]; withLecturer: boolean }) {
  type Values = { data?: { mode?: unknown; form?: unknown } };
  // Read from the form's store as it renders (not a watch, which fills in only after mounting),
  // so the first render already holds the fields the saved record's mode and form need.
  return (
    <Form.Item
      noStyle
      shouldUpdate={(a: Values, b: Values) => a.data?.mode !== b.data?.mode || a.data?.form !== b.data?.form}
    >
      {({ getFieldValue }) => (
        <Fields
          people={people}
          uses={modeUses(getFieldValue(['data', 'mode']))}
          lecture={withLecturer && getFieldValue(['data', 'form']) === 'party_lecture'}
        />
      )}
    </Form.Item>
  );
}

function Fields({
  people,
  uses,
  lecture,
}: {
  people: Person[];
  uses: { place: boolean; online: boolean };
  lecture: boolean;
}) {
  const { t, pick } = useI18n();
  return (
    <Row gutter={16}>
      {lecture && (
        <>
          <Col xs={24} md={12}>
            <Form.Item name={['data', 'lecturer']} label={pick(f.lecturer)}>
              <Input maxLength={meetingLimits.lecturer} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['data', 'lecturerPosition']} label={pick(f.lecturerPosition)}>
              <Input maxLength={meetingLimits.lecturerPosition} placeholder={t('meeting.positionHint')} />
            </Form.Item>
          </Col>
        </>
      )}
      <Col xs={12} md={6}>
        {/* The browser's own time picker: a wheel on a phone, typed digits on a desktop. */}
        <Form.Item name={['data', 'startTime']} label={pick(f.startTime)}>
          <Input type="time" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item
          name={['data', 'endTime']}
          label={pick(f.endTime)}
          dependencies={[['data', 'startTime']]}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_r, end: string | null | undefined) => {
                const start = getFieldValue(['data', 'startTime']) as string | null | undefined;
                return !end || !start || end > start
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('meeting.endBeforeStart')));
              },
            }),
          ]}
        >
          <Input type="time" />
        </Form.Item>
      </Col>
      {uses.place && (
        <Col xs={24} md={12}>
          <Form.Item name={['data', 'place']} label={pick(f.place)}>
            <Input maxLength={meetingLimits.place} />
          </Form.Item>
        </Col>
      )}
      {uses.online && (
        <>
          <Col xs={24} md={uses.place ? 12 : 6}>
            <Form.Item name={['data', 'platform']} label={pick(f.platform)}>
              <Input maxLength={meetingLimits.platform} placeholder={t('meeting.platformHint')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={uses.place ? 12 : 6}>
            <Form.Item name={['data', 'meetingNo']} label={pick(f.meetingNo)}>
              <Input maxLength={meetingLimits.meetingNo} />
            </Form.Item>
          </Col>
        </>
      )}
      <Col xs={12} md={12}>
        <Form.Item name={['data', 'hostPersonId']} label={pick(f.hostPersonId)}>
          <PersonSelect people={people} />
        </Form.Item>
      </Col>
      <Col xs={12} md={12}>
        <Form.Item name={['data', 'recorderPersonId']} label={pick(f.recorderPersonId)}>
          <PersonSelect people={people} />
        </Form.Item>
      </Col>
    </Row>
  );
}
