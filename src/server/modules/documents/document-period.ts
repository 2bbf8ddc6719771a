import type { Campaign } from '../../../common/api/campaigns.js';
import { docPeriodOf, type DocPeriod } from '../../../common/document-periods.js';
import { AppError } from '../../lib/errors.js';

/** The months asked for: `from`–`to`, or one month given as `periodKey` (or `from` alone). */
export interface MonthsQuery {
  periodKey?: string;
  from?: string;
  to?: string;
}

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', [{ path, message }], message);

/**
 * The months a bulletin covers, checked against the campaign: within its year, in order, and
 * holding at least one of its active months (a quarter of a campaign that starts in March covers
 * March only; a range before the campaign starts has nothing to report).
 */
export function bulletinPeriod(campaign: Pick<Campaign, 'year' | 'months'>, q: MonthsQuery): DocPeriod {
  const from = q.from ?? q.periodKey;
  if (!from) throw invalid('from', '请选择通报的月份或期间');
  const to = q.to ?? from;
  const year = String(campaign.year);
  if (from.slice(0, 4) !== year || to.slice(0, 4) !== year) {
    throw invalid('from', `通报的期间须在活动年度(${year}年)之内`);
  }
  if (from > to) throw invalid('to', '通报期间的结束月份不能早于开始月份');
  const months = campaign.months.map((m) => `${year}-${String(m).padStart(2, '0')}`);
  if (!months.some((m) => from <= m && m <= to)) {
    throw invalid('from', '所选期间内没有活动开展的月份');
  }
  return docPeriodOf(from, to);
}
