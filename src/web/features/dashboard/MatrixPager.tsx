import { useEffect, useState } from 'react';
import { Grid, Input, Pagination, Typography } from 'antd';
import { useI18n } from '../../app/i18n/useI18n';
import type { Matrix } from './dashboard.api';
import { matrixPageSizes } from './useDashboardParams';

interface Props {
  paging: Matrix['paging'];
  /** Branches on the page shown. */
  shown: number;
  q: string | undefined;
  onSearch: (q: string) => void;
  /** A page from 1, and the page size. */
  onPage: (page: number, size: number) => void;
}

/** Wait after the last keystroke before searching: each search is a request for a page. */
const SEARCH_PAUSE_MS = 400;

/** The matrix's branch-name search and its pages: the server sends one page of branches at a time. */
export function MatrixPager({ paging, shown, q, onSearch, onPage }: Props) {
  const { t } = useI18n();
  const phone = !(Grid.useBreakpoint().sm ?? true);
  const [text, setText] = useState(q ?? '');
  // The address may change the search from elsewhere (back button, another campaign).
  const [seen, setSeen] = useState(q);
  if (seen !== q) {
    setSeen(q);
    if ((q ?? '') !== text.trim()) setText(q ?? '');
  }
  useEffect(() => {
    if (text.trim() === (q ?? '')) return;
    const timer = setTimeout(() => onSearch(text.trim()), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, q, onSearch]);

  const { offset, limit, total } = paging;
  return (
    <div className="dashboard-pager">
      <Input.Search
        className="dashboard-pager-search"
        size="small"
        allowClear
        maxLength={30}
        value={text}
        placeholder={t('dashboard.matrix.search')}
        aria-label={t('dashboard.matrix.search')}
        onChange={(e) => setText(e.target.value)}
        onSearch={(value) => onSearch(value.trim())}
      />
      {total > 0 && (
        <Typography.Text type="secondary" className="dashboard-pager-range">
          {t('dashboard.matrix.range', { from: offset + 1, to: offset + shown, total })}
        </Typography.Text>
      )}
      {total > 0 && (
        <Pagination
          className="dashboard-pager-pages"
          size="small"
          simple={phone}
          current={Math.floor(offset / limit) + 1}
          pageSize={limit}
          total={total}
          showSizeChanger={!phone}
          pageSizeOptions={[...matrixPageSizes]}
          onChange={onPage}
        />
      )}
    </div>
  );
}
