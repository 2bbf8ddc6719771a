import { useState } from 'react';
import { App, Button, DatePicker, Drawer, Form, Grid, Input, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import type { Structure } from '../../../common/api/org';
import { personBody, type Person } from '../../../common/api/people';
import { branchPostLabels, branchPosts, memberStatusLabels, memberStatuses } from '../../../common/enums';
import { pickable, type Branch } from './org.api';
import { useCreatePerson, useUpdatePerson } from './people.api';
import { PostHistory } from './PostHistory';
import { applyFieldErrors, validatedValues } from '../../components/formErrors';
import { requiredChoiceRule, requiredRule } from '../../components/formRules';
import { schemaRule } from '../../components/schemaRule';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';

type PersonInput = z.input<typeof personBody>;
/** What the form holds: the API body, with the date as a dayjs value for the picker. */
type PersonFormValues = Omit<PersonInput, 'joinedPartyOn' | 'postSince'> & {
  joinedPartyOn?: Dayjs | null;
  postSince?: Dayjs | null;
};

interface Props {
  open: boolean;
  /** The person to edit; absent when adding one. */
  person?: Person;
  structure: Structure;
  /** Branches this user may put people in: all for the committee, own for a branch secretary. */
  branchChoices: Branch[];
  onClose: () => void;
}

function toFormValues(person: Person | undefined, defaultBranchId: number | null): Partial<PersonFormValues> {
  if (!person) return { memberStatus: 'full', branchId: defaultBranchId };
  return {
    ...person,
    joinedPartyOn: person.joinedPartyOn ? dayjs(person.joinedPartyOn) : null,
  };
}

/** A cleared select gives undefined, which a PATCH would read as "unchanged"; send null instead. */
function toBody(values: PersonFormValues): PersonInput {
  return {
    ...values,
    gender: values.gender ?? null,
    branchId: values.branchId ?? null,
    partyGroupId: values.partyGroupId ?? null,
    departmentId: values.departmentId ?? null,
    branchPost: values.branchPost ?? null,
    joinedPartyOn: values.joinedPartyOn ? values.joinedPartyOn.format('YYYY-MM-DD') : null,
    postSince: values.postSince ? values.postSince.format('YYYY-MM-DD') : null,
  };
}

export function PersonDrawer({ open, person, structure, branchChoices, onClose }: Props) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const isPhone = !(Grid.useBreakpoint().sm ?? true);
  const [form] = Form.useForm<PersonFormValues>();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const branchId = Form.useWatch('branchId', form);
  const partyGroupId = Form.useWatch('partyGroupId', form);
  const departmentId = Form.useWatch('departmentId', form);
  const branchPost = Form.useWatch('branchPost', form);
  const memberStatus = Form.useWatch('memberStatus', form);
  // A newly given post starts on a day of its own; the previous one ends the day before.
  const [currentPost, setCurrentPost] = useState(person?.branchPost ?? null);
  const postChanged = !!branchPost && branchPost !== currentPost;
  const saving = create.isPending || update.isPending;

  const groups = pickable(structure.partyGroups, partyGroupId).filter(
    (g) => branchId && g.branchId === branchId,
  );
  const departments = pickable(structure.departments, departmentId).filter(
    (d) => !branchId || d.branchId === branchId || d.branchId === null || d.id === departmentId,
  );

  const save = async () => {
    const values = await validatedValues(form);
    if (!values) return;
    try {
      if (person) await update.mutateAsync({ id: person.id, patch: toBody(values) });
      else await create.mutateAsync(toBody(values));
      void message.success(t('common.saved'));
      onClose();
    } catch (error) {
      applyFieldErrors(form, error);
      void message.error(errorText(error));
    }
  };

  return (
    <Drawer
      open={open}
      title={person ? t('people.edit') : t('people.new')}
      size={isPhone ? '100%' : 480}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<PersonFormValues>
        form={form}
        layout="vertical"
        initialValues={toFormValues(
          person,
          branchChoices.length === 1 ? (branchChoices[0]?.id ?? null) : null,
        )}
        onValuesChange={(changed: Partial<PersonFormValues>) => {
          // A Party group belongs to one branch; moving the person elsewhere drops it, and the
          // branch post too (it ends in the old branch).
          if ('branchId' in changed) {
            form.setFieldValue('partyGroupId', null);
            form.setFieldValue('branchPost', null);
          }
          if (changed.memberStatus === 'non_member') form.setFieldValue('branchPost', null);
        }}
      >
        <Form.Item name="name" label={t('people.name')} rules={[requiredRule(t, t('people.name'))]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="employeeNo" label={t('people.employeeNo')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="gender" label={t('people.gender')}>
          <Radio.Group
            options={[
              { value: 'male', label: t('people.male') },
              { value: 'female', label: t('people.female') },
            ]}
          />
        </Form.Item>
        <Form.Item name="memberStatus" label={t('people.memberStatus')} rules={[{ required: true }]}>
          <Select options={memberStatuses.map((s) => ({ value: s, label: pick(memberStatusLabels[s]) }))} />
        </Form.Item>
        <Form.Item
          name="branchId"
          label={t('people.branch')}
          rules={
            // A branch secretary may only place people in own branch, never outside any branch.
            branchChoices.length < structure.branches.length
              ? [requiredChoiceRule(t, t('people.branch'))]
              : []
          }
        >
          <Select
            allowClear
            placeholder={t('people.noBranch')}
            options={pickable(branchChoices, person?.branchId).map((b) => ({ value: b.id, label: b.name }))}
          />
        </Form.Item>
        <Form.Item name="partyGroupId" label={t('people.partyGroup')}>
          <Select
            allowClear
            disabled={!branchId}
            options={groups.map((g) => ({ value: g.id, label: g.name }))}
          />
        </Form.Item>
        <Form.Item name="departmentId" label={t('people.department')}>
          <Select allowClear options={departments.map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="branchPost" label={t('people.branchPost')} extra={t('people.branchPostHint')}>
          <Select
            allowClear
            disabled={!branchId || memberStatus === 'non_member'}
            placeholder={t('common.none')}
            options={branchPosts.map((p) => ({ value: p, label: pick(branchPostLabels[p]) }))}
          />
        </Form.Item>
        {postChanged && (
          <Form.Item name="postSince" label={t('people.postSince')} extra={t('people.postSinceHint')}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        )}
        <Form.Item name="joinedPartyOn" label={t('people.joinedPartyOn')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('people.phone')}
          rules={[schemaRule(personBody.shape.phone, t('people.phoneInvalid'))]}
        >
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('people.email')}
          rules={[schemaRule(personBody.shape.email, t('people.emailInvalid'))]}
        >
          <Input maxLength={100} inputMode="email" />
        </Form.Item>
      </Form>
      {person && person.memberStatus !== 'non_member' && (
        <PostHistory
          person={person}
          editable
          onCurrentPost={(post) => {
            setCurrentPost(post);
            form.setFieldValue('branchPost', post);
          }}
        />
      )}
    </Drawer>
  );
}
