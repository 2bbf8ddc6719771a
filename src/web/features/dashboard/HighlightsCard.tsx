import { Card, Empty, Tag, Typography } from 'antd';
import { actionKindLabels } from '../../../common/actions';
import { useI18n } from '../../app/i18n/useI18n';
import type { Indicators } from './dashboard.api';
import { periodLabel } from './format';

/** Records the committee marked as highlights (亮点): the material of the bulletin and the summary. */
export function HighlightsCard({
  items,
  count,
  onOpen,
}: {
  /** The newest few, newest first. */
  items: Indicators['highlights'];
  /** All the highlights of the range. */
  count: number;
  onOpen: (id: number) => void;
}) {
  const { t, pick, lang } = useI18n();
  return (
    <Card
      size="small"
      title={count ? t('dashboard.highlights.titleCounted', { count }) : t('dashboard.highlights.title')}
      style={{ height: '100%' }}
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.highlights.empty')} />
      ) : (
        <ul className="dashboard-list">
          {items.map((h) => (
            <li key={h.recordId}>
              <Typography.Link onClick={() => onOpen(h.recordId)}>{h.title}</Typography.Link>
              <div className="dashboard-list-meta">
                <Tag>{pick(actionKindLabels[h.kind])}</Tag>
                <span>{h.branchName}</span>
                {h.periodKey && <span>{periodLabel(h.periodKey, lang)}</span>}
              </div>
              {h.note && <div className="dashboard-list-note">{h.note}</div>}
            </li>
          ))}
        </ul>
      )}
      {count > items.length && (
        <Typography.Text type="secondary" className="dashboard-list-meta">
          {t('dashboard.highlights.latestOnly', { shown: items.length, count })}
        </Typography.Text>
      )}
    </Card>
  );
}
