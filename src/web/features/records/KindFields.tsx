import type { ActionKind } from '../../../common/actions';
import type { Person } from '../../../common/api/people';
import type { Structure } from '../../../common/api/org';
import { OptionalFields, StudyFields, ThemeDayFields } from './SessionFields';
import { ProblemFields, PublicityFields, RuleRevisionFields } from './WorkFields';
import { Form, Input } from 'antd';
import { addedTextFields } from './RecordFieldsView';
import { useI18n } from '../../app/i18n/useI18n';

interface Props {
  kind: ActionKind;
  people: Person[];
  structure?: Structure;
  branchId: number;
}

/** The fields of one action kind (recordDataByKind), under the form's `data`. */
export function KindFields(props: Props) {
  return (
    <>
      <HandLaidFields {...props} />
      <AddedFields kind={props.kind} />
    </>
  );
}

/** Text fields added to the field list after the kind's form was laid out by hand. */
function AddedFields({ kind }: { kind: ActionKind }) {
  const { pick } = useI18n();
  return addedTextFields(kind).map(({ key, field }) => (
    <Form.Item key={key} name={['data', key]} label={pick(field)}>
      {(field.max ?? 0) > 200 ? (
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={field.max} />
      ) : (
        <Input maxLength={field.max} />
      )}
    </Form.Item>
  ));
}

function HandLaidFields({ kind, people, structure, branchId }: Props) {
  switch (kind) {
    case 'study':
      return <StudyFields people={people} structure={structure} branchId={branchId} />;
    case 'theme_day':
      return <ThemeDayFields people={people} />;
    case 'rule_revision':
      return <RuleRevisionFields structure={structure} branchId={branchId} />;
    case 'grassroots_problem':
      return <ProblemFields structure={structure} />;
    case 'publicity':
      return <PublicityFields />;
    case 'optional':
      return <OptionalFields />;
  }
}
