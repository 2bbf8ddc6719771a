import { Card, Empty, Tag, Typography } from 'antd';
import { actionKindLabels } from '../../../common/actions';
import { useI18n } from '../../app/i18n/useI18n';
import type { Indicators } from './dashboard.api';
import { periodLabel } from './format';

/** Records the committee marked as highlights (亮点): the material of the bulletin and the summary. */
export function HighlightsCard({
  items,
  onOpen,
}: {
  items: Indicators['highlights'];
  onOpen: (id: number) => void;
}) {
  const { t, pick, lang } = useI18n();
  return (
    <Card size="small" title={t('dashboard.highlights.title')} style={{ height: '100%' }}>
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
    </Card>
  );
}
