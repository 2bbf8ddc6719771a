import { Alert } from 'antd';
import type { ActionKind } from '../../../common/actions';
import { recordFields } from '../../../common/record-fields';
import { useI18n } from '../../app/i18n/useI18n';

/**
 * What was carried over from last month and not yet changed: named in a notice above the form and
 * marked on each field (its label gets a tag), so a carried value is checked, never taken for typed.
 */
export function CarriedOver({ kind, fields }: { kind: ActionKind; fields: string[] }) {
  const { t, pick } = useI18n();
  if (!fields.length) return null;
  const defs = recordFields[kind] as Record<string, { zh: string; en: string } | undefined>;
  const names = fields.map((f) => (defs[f] ? pick(defs[f]) : f));
  // The fields are found by their input's id (data_place…), so the field components stay as they are.
  const marked = fields
    .map((f) => `.ant-form-item:has(#data_${f}) .ant-form-item-label > label::after`)
    .join(',\n');
  return (
    <>
      <style>{`${marked} {
  content: '${t('records.carriedTag')}';
  margin-inline-start: 6px;
  padding: 0 6px;
  font-size: 12px;
  line-height: 18px;
  color: #1677ff;
  background: #e6f4ff;
  border: 1px solid #91caff;
  border-radius: 4px;
}`}</style>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="carried-over"
        title={t('records.carriedOver', { fields: names.join('、') })}
      />
    </>
  );
}
