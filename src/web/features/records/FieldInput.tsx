import type { ComponentType } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import {
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  type FormRule,
  type SelectProps,
} from 'antd';
import type { Person } from '../../../common/api/people';
import type { Structure } from '../../../common/api/org';
import { requiredInDraft, type Bilingual, type FieldDef, type Widget } from '../../../common/record-fields';
import { requiredChoiceRule, requiredRule } from '../../components/formRules';
import { useI18n } from '../../app/i18n/useI18n';
import type { I18n } from '../../app/i18n/I18nProvider';
import { pickable } from '../org/org.api';
import { AgendaEditor, AttendeesEditor } from './AgendaEditor';
import { ChannelsEditor, MeasuresEditor, notFuture } from './ListEditors';

/** What the pickers choose from: the branch's roster and the organisation's lists. */
export interface FieldContext {
  people: Person[];
  structure?: Structure;
  branchId: number;
}

/** Fields with an editor of their own, which lays out its own label and rows. */
const editors: Partial<Record<Widget, ComponentType<{ label: string }>>> = {
  attendees: AttendeesEditor,
  agenda: AgendaEditor,
  measures: MeasuresEditor,
  channels: ChannelsEditor,
};

const fullWidth = { width: '100%' };
const DEFAULT_ROWS = [2, 8] as const;

function optionsOf(f: FieldDef, pick: (text: Bilingual) => string) {
  return Object.entries(f.options ?? {}).map(([value, label]) => ({ value, label: pick(label) }));
}

/** A person picker over the branch roster (host, recorder). */
export function PersonSelect({ people, ...rest }: SelectProps<number> & { people: Person[] }) {
  return (
    <Select<number>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      options={people.filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }))}
      {...rest}
    />
  );
}

type Picker = SelectProps<number> & { structure?: Structure; branchId: number };

/** The branch's Party groups: the active ones, and the one already chosen. */
function GroupSelect({ structure, branchId, value, ...rest }: Picker) {
  const groups = (structure?.partyGroups ?? []).filter(
    (g) => g.branchId === branchId && (g.active || g.id === value),
  );
  return (
    <Select<number> value={value} options={groups.map((g) => ({ value: g.id, label: g.name }))} {...rest} />
  );
}

/** Departments, the branch's own first: a revision may still concern another one. */
function DepartmentSelect({ structure, branchId, value, ...rest }: Picker) {
  const sorted = [...pickable(structure?.departments ?? [], value)].sort(
    (a, b) => Number(b.branchId === branchId) - Number(a.branchId === branchId),
  );
  return (
    <Select<number>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value}
      options={sorted.map((d) => ({ value: d.id, label: d.name }))}
      {...rest}
    />
  );
}

/** The organisation's grassroots units: the active ones, and the one already chosen. */
function UnitSelect({ structure, value, ...rest }: Omit<Picker, 'branchId'>) {
  return (
    <Select<number>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value}
      options={pickable(structure?.units ?? [], value).map((u) => ({ value: u.id, label: u.name }))}
      {...rest}
    />
  );
}

/**
 * The input of a simple field, by its widget: returned as an element placed right under the
 * Form.Item, which hands it the value, change handler and id (the pickers pass them on to their
 * Select).
 */
function inputOf(f: FieldDef, ctx: FieldContext, pick: I18n['pick']) {
  const placeholder = f.placeholder && pick(f.placeholder);
  switch (f.widget) {
    case 'long': {
      const [minRows, maxRows] = f.rows ?? DEFAULT_ROWS;
      return <Input.TextArea autoSize={{ minRows, maxRows }} maxLength={f.max} placeholder={placeholder} />;
    }
    case 'date':
      return <DatePicker style={fullWidth} disabledDate={f.future ? undefined : notFuture} />;
    // The browser's own time picker: a wheel on a phone, typed digits on a desktop.
    case 'time':
      return <Input type="time" />;
    case 'number':
      return <InputNumber style={fullWidth} />;
    case 'select':
      return <Select options={optionsOf(f, pick)} />;
    case 'multi':
      return <Checkbox.Group options={optionsOf(f, pick)} />;
    case 'radio':
      return <Radio.Group options={optionsOf(f, pick)} />;
    case 'tags':
      return <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', ',', '、', ' ']} />;
    case 'person':
      return <PersonSelect people={ctx.people} />;
    case 'group':
      return <GroupSelect structure={ctx.structure} branchId={ctx.branchId} />;
    case 'department':
      return <DepartmentSelect structure={ctx.structure} branchId={ctx.branchId} />;
    case 'unit':
      return <UnitSelect structure={ctx.structure} />;
    default:
      return <Input maxLength={f.max} placeholder={placeholder} />;
  }
}

const textWidgets: ReadonlySet<Widget> = new Set(['text', 'long']);

/** What the form checks before saving a draft; the server's schema checks the rest. */
function rulesOf(f: FieldDef, label: string, t: I18n['t'], pick: I18n['pick']): FormRule[] {
  const rules: FormRule[] = [];
  if (requiredInDraft(f))
    rules.push(textWidgets.has(f.widget) ? requiredRule(t, label) : requiredChoiceRule(t, label));
  if (f.widget === 'tags' && f.hint) {
    const message = pick(f.hint);
    rules.push({
      validator: (_r, v: unknown) =>
        f.schema.safeParse(v ?? []).success ? Promise.resolve() : Promise.reject(new Error(message)),
    });
  }
  const after = f.after;
  if (after)
    rules.push(({ getFieldValue }) => ({
      validator: (_r, end: string | null | undefined) => {
        const start = getFieldValue(['data', after]) as string | null | undefined;
        return !end || !start || end > start
          ? Promise.resolve()
          : Promise.reject(new Error(t('meeting.endBeforeStart')));
      },
    }));
  return rules;
}

/** Whether a date lies after today: a planned one (see `planned` in the field list). */
export const isAhead = (day: Dayjs | string | null | undefined) =>
  !!day && dayjs(day).isAfter(dayjs(), 'day');

/**
 * A date that may be planned (a revision's publication, entered before the leader's approval):
 * any day may be picked, and one after today is labelled as planned, with what that means.
 */
function PlannedDate({
  name,
  label,
  hint,
  rules,
}: {
  name: string;
  label: string;
  hint?: string;
  rules: FormRule[];
}) {
  const { t } = useI18n();
  const ahead = isAhead(Form.useWatch<Dayjs | null | undefined>(['data', name]));
  return (
    <Form.Item
      name={['data', name]}
      label={ahead ? t('field.planned', { label }) : label}
      extra={ahead ? t('field.plannedHint') : hint}
      rules={rules}
    >
      <DatePicker style={fullWidth} />
    </Form.Item>
  );
}

/** One field of the record's data, under the form's `data`, as its field list entry describes it. */
export function FieldInput({ name, field: f, ctx }: { name: string; field: FieldDef; ctx: FieldContext }) {
  const { t, pick } = useI18n();
  const label = pick(f);
  const Editor = editors[f.widget];
  if (Editor) return <Editor label={label} />;
  if (f.widget === 'date' && f.planned)
    return (
      <PlannedDate
        name={name}
        label={label}
        hint={f.hint && pick(f.hint)}
        rules={rulesOf(f, label, t, pick)}
      />
    );
  return (
    <Form.Item
      name={['data', name]}
      label={label}
      extra={f.hint && pick(f.hint)}
      rules={rulesOf(f, label, t, pick)}
      dependencies={f.after ? [['data', f.after]] : undefined}
    >
      {inputOf(f, ctx, pick)}
    </Form.Item>
  );
}
