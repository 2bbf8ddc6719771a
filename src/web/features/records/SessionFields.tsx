import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import type { Person } from '../../../common/api/people';
import type { Structure } from '../../../common/api/org';
import {
  meetingModeLabels,
  meetingModes,
  studyFormLabels,
  studyForms,
  studyMaterialLabels,
  studyMaterials,
  themeDayActivities,
  themeDayActivityLabels,
  themeDayThemeLabels,
  themeDayThemes,
} from '../../../common/actions';
import { requiredChoiceRule, requiredRule } from '../../components/formRules';
import { useI18n } from '../../app/i18n/useI18n';
import { maxLengthOf } from '../../../common/record-fields';
import { MeetingFields } from './MeetingFields';
import { AgendaEditor, AttendeesEditor } from './AgendaEditor';

type Labels = Record<string, { zh: string; en: string }>;

export function useOptions() {
  const { pick } = useI18n();
  return (values: readonly string[], labels: Labels) =>
    values.map((v) => ({ value: v, label: pick(labels[v] ?? { zh: v, en: v }) }));
}

/**
 * 学习研讨: form of 三会一课 (a 党小组会 names its group), mode, topic and materials, the meeting's
 * facts, agenda, minutes.
 */
export function StudyFields({
  people,
  structure,
  branchId,
}: {
  people: Person[];
  structure?: Structure;
  branchId: number;
}) {
  const { t } = useI18n();
  const options = useOptions();
  const form = Form.useWatch(['data', 'form']) as string | undefined;
  const groupId = Form.useWatch(['data', 'partyGroupId']) as number | null | undefined;
  const groups = (structure?.partyGroups ?? []).filter(
    (g) => g.branchId === branchId && (g.active || g.id === groupId),
  );
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          name={['data', 'form']}
          label={t('field.study.form')}
          rules={[requiredChoiceRule(t, t('field.study.form'))]}
        >
          <Select options={options(studyForms, studyFormLabels)} />
        </Form.Item>
      </Col>
      {form === 'group_meeting' && (
        <Col xs={24} md={12}>
          <Form.Item
            name={['data', 'partyGroupId']}
            label={t('field.study.partyGroup')}
            extra={t('field.study.partyGroupHint')}
            rules={[requiredChoiceRule(t, t('field.study.partyGroup'))]}
          >
            <Select options={groups.map((g) => ({ value: g.id, label: g.name }))} />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={12}>
        <Form.Item
          name={['data', 'mode']}
          label={t('field.study.mode')}
          rules={[requiredChoiceRule(t, t('field.study.mode'))]}
        >
          <Select options={options(meetingModes, meetingModeLabels)} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item
          name={['data', 'topic']}
          label={t('field.study.topic')}
          rules={[requiredRule(t, t('field.study.topic'))]}
        >
          <Input maxLength={maxLengthOf('study', 'topic')} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name={['data', 'materialKinds']} label={t('field.study.materialKinds')}>
          <Checkbox.Group options={options(studyMaterials, studyMaterialLabels)} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name={['data', 'materials']} label={t('field.study.materials')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={maxLengthOf('study', 'materials')}
          />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <MeetingFields people={people} withLecturer />
      </Col>
      <Col xs={24}>
        <AttendeesEditor />
      </Col>
      <Col xs={24}>
        <AgendaEditor />
      </Col>
      <Col xs={24}>
        <Form.Item name={['data', 'minutes']} label={t('field.study.minutes')}>
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 14 }}
            maxLength={maxLengthOf('study', 'minutes')}
          />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name={['data', 'decisions']} label={t('field.study.decisions')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={maxLengthOf('study', 'decisions')}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** 主题党日: theme chosen by the branch, kind of activity, the meeting's facts, summary. */
export function ThemeDayFields({ people }: { people: Person[] }) {
  const { t } = useI18n();
  const options = useOptions();
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          name={['data', 'theme']}
          label={t('field.theme.theme')}
          rules={[requiredChoiceRule(t, t('field.theme.theme'))]}
        >
          <Select options={options(themeDayThemes, themeDayThemeLabels)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name={['data', 'activity']}
          label={t('field.theme.activity')}
          rules={[requiredChoiceRule(t, t('field.theme.activity'))]}
        >
          <Select options={options(themeDayActivities, themeDayActivityLabels)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['data', 'mode']} label={t('field.study.mode')}>
          <Select options={options(meetingModes, meetingModeLabels)} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <MeetingFields people={people} withLecturer={false} />
      </Col>
      <Col xs={24}>
        <AttendeesEditor />
      </Col>
      <Col xs={24}>
        <AgendaEditor />
      </Col>
      <Col xs={24}>
        <Form.Item name={['data', 'summary']} label={t('field.theme.summary')}>
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 14 }}
            maxLength={maxLengthOf('theme_day', 'summary')}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** 自选动作: category, what was done, what is new about it. */
export function OptionalFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name={['data', 'category']} label={t('field.optional.category')}>
        <Input maxLength={maxLengthOf('optional', 'category')} />
      </Form.Item>
      <Form.Item
        name={['data', 'description']}
        label={t('field.optional.description')}
        rules={[requiredRule(t, t('field.optional.description'))]}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 12 }}
          maxLength={maxLengthOf('optional', 'description')}
        />
      </Form.Item>
      <Form.Item name={['data', 'novelty']} label={t('field.optional.novelty')}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 8 }}
          maxLength={maxLengthOf('optional', 'novelty')}
        />
      </Form.Item>
      <Form.Item
        name={['data', 'tags']}
        label={t('field.optional.tags')}
        extra={t('field.optional.tagsHint')}
        rules={[
          {
            validator: (_r, v: string[] | undefined) =>
              (v ?? []).length <= 10 && (v ?? []).every((x) => x.trim().length > 0 && x.trim().length <= 20)
                ? Promise.resolve()
                : Promise.reject(new Error(t('field.optional.tagsHint'))),
          },
        ]}
      >
        <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', ',', '、', ' ']} />
      </Form.Item>
    </>
  );
}
