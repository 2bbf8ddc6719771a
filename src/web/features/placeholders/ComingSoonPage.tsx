import { Card, Result } from 'antd';
import type { NavArea } from '../../app/navigation';
import { useI18n } from '../../app/i18n/useI18n';

/** Stands in for an area not built yet, and says in one line what it will hold. */
export function ComingSoonPage({ area }: { area: NavArea }) {
  const { t } = useI18n();
  return (
    <Card>
      <Result
        status="info"
        title={`${t(area.labelKey)} · ${t('common.comingSoon')}`}
        subTitle={
          <>
            <div>{t('common.comingSoonText')}</div>
            {area.soonKey && <div style={{ marginTop: 8, color: 'rgba(0,0,0,0.75)' }}>{t(area.soonKey)}</div>}
          </>
        }
      />
    </Card>
  );
}
