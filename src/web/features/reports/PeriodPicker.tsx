import { Select } from 'antd';
import {
  docPeriodLabel,
  periodSpan,
  type DocPeriod,
  type DocPeriodKind,
} from '../../../common/document-periods';
import { useI18n } from '../../app/i18n/useI18n';

type Choice = Exclude<DocPeriodKind, 'year'>;
const choices: Choice[] = ['month', 'quarter', 'half', 'range'];

/** The periods of one kind that hold at least one of the campaign's months. */
function periodsOf(kind: 'month' | 'quarter' | 'half', year: number, months: string[]): DocPeriod[] {
  const count = kind === 'month' ? 12 : kind === 'quarter' ? 4 : 2;
  return Array.from({ length: count }, (_, i) => periodSpan(kind, year, i + 1)).filter((p) =>
    months.some((m) => p.from <= m && m <= p.to),
  );
}

/**
 * A bulletin's period: a month, a quarter, a half-year, or a range of the campaign's months.
 * `months` are the campaign's months (YYYY-MM), in order.
 */
export function PeriodPicker({
  year,
  months,
  value,
  onChange,
}: {
  year: number;
  months: string[];
  value: DocPeriod;
  onChange: (p: DocPeriod) => void;
}) {
  const { t, lang } = useI18n();
  const kind: Choice = value.kind === 'year' ? 'range' : value.kind;
  const option = (p: DocPeriod) => ({ value: `${p.from}/${p.to}`, label: docPeriodLabel(p, lang) });
  const pick = (key: string, list: DocPeriod[]) => {
    const found = list.find((p) => `${p.from}/${p.to}` === key);
    if (found) onChange(found);
  };
  const changeKind = (next: Choice) => {
    if (next === 'range') return onChange({ kind: 'range', from: value.from, to: value.to });
    // The first period of the new kind that holds the current start, or the first there is.
    const list = periodsOf(next, year, months);
    onChange(list.find((p) => p.from <= value.from && value.from <= p.to) ?? list[0] ?? value);
  };
  const monthOption = (m: string) => ({
    value: m,
    label: docPeriodLabel({ kind: 'month', from: m, to: m }, lang),
  });
  const list = kind === 'range' ? [] : periodsOf(kind, year, months);
  return (
    <div className="reports-period">
      <Select<Choice>
        aria-label={t('issued.periodKind')}
        value={kind}
        onChange={changeKind}
        options={choices.map((c) => ({ value: c, label: t(`issued.periodKind.${c}`) }))}
        style={{ minWidth: 110 }}
      />
      {kind === 'range' ? (
        <>
          <Select<string>
            aria-label={t('issued.from')}
            value={value.from}
            onChange={(from) => onChange({ kind: 'range', from, to: value.to < from ? from : value.to })}
            options={months.map(monthOption)}
            style={{ minWidth: 120 }}
          />
          <span>{t('issued.to')}</span>
          <Select<string>
            aria-label={t('issued.toMonth')}
            value={value.to}
            onChange={(to) => onChange({ kind: 'range', from: value.from > to ? to : value.from, to })}
            options={months.map(monthOption)}
            style={{ minWidth: 120 }}
          />
        </>
      ) : (
        <Select<string>
          aria-label={t(`issued.periodKind.${kind}`)}
          value={`${value.from}/${value.to}`}
          onChange={(key) => pick(key, list)}
          options={list.map(option)}
          style={{ minWidth: 150 }}
        />
      )}
    </div>
  );
}
