import { Col, Form, Row } from 'antd';
import type { ActionKind } from '../../../common/actions';
import { appliesTo, fieldsOf, type FieldData, type FieldDef } from '../../../common/record-fields';
import { FieldInput, type FieldContext } from './FieldInput';

interface Props extends FieldContext {
  kind: ActionKind;
}

type Values = { data?: FieldData };

/**
 * The fields of one action kind, under the form's `data`, drawn from the kind's field list in its
 * order: each field's widget, label, limit, hint and width come from there.
 */
export function KindFields({ kind, ...ctx }: Props) {
  const fields = fieldsOf(kind).filter(([, f]) => f.widget !== 'none');
  return (
    <Row gutter={16}>
      {fields.map(([key, f]) =>
        f.shownWhen || typeof f.span === 'function' ? (
          // Read from the form's store as it renders (not a watch, which fills in only after
          // mounting), so the first render already holds the fields the saved record needs.
          <Form.Item key={key} noStyle shouldUpdate={(a: Values, b: Values) => a.data !== b.data}>
            {({ getFieldValue }) => {
              const data = (getFieldValue('data') ?? {}) as FieldData;
              return appliesTo(f, data) ? <FieldCol name={key} field={f} data={data} ctx={ctx} /> : null;
            }}
          </Form.Item>
        ) : (
          <FieldCol key={key} name={key} field={f} data={{}} ctx={ctx} />
        ),
      )}
    </Row>
  );
}

function FieldCol({
  name,
  field: f,
  data,
  ctx,
}: {
  name: string;
  field: FieldDef;
  data: FieldData;
  ctx: FieldContext;
}) {
  const md = typeof f.span === 'function' ? f.span(data) : (f.span ?? 24);
  return (
    <Col xs={f.phoneSpan ?? 24} md={md === 24 ? undefined : md}>
      <FieldInput name={name} field={f} ctx={ctx} />
    </Col>
  );
}
