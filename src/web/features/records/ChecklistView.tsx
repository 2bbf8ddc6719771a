import { Tag, Typography } from 'antd';
import type { ChecklistEntry } from '../../../common/checklist';
import { asTodo } from './labels';
import { useI18n } from '../../app/i18n/useI18n';

/**
 * What a complete record holds (`live`: while editing, with a "ready to submit" line): done items ticked, blocking ones marked "必需" (the record cannot
 * be submitted without them), the rest advice for the reviewer.
 */
export function ChecklistView({ items, live = false }: { items: ChecklistEntry[]; live?: boolean }) {
  const { t, lang } = useI18n();
  const ready = items.every((i) => i.done || !i.blocking);
  return (
    <div>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('checklist.title')}>
        {items.map((i) => (
          <li
            key={i.key}
            data-done={i.done}
            style={{ display: 'flex', gap: 8, alignItems: 'flex-start', padding: '4px 0' }}
          >
            <span
              aria-hidden
              style={{
                width: 18,
                flexShrink: 0,
                textAlign: 'center',
                fontWeight: 700,
                color: i.done ? '#52c41a' : i.blocking ? '#c8161d' : 'rgba(0,0,0,0.35)',
              }}
            >
              {i.done ? '✓' : '○'}
            </span>
            <span style={{ flex: 1, minWidth: 0, color: i.done ? 'rgba(0,0,0,0.65)' : undefined }}>
              {lang === 'zh' ? asTodo(i.label) : i.labelEn}
            </span>
            {i.blocking ? (
              <Tag color={i.done ? 'default' : 'red'} style={{ marginInlineEnd: 0 }}>
                {t('checklist.blocking')}
              </Tag>
            ) : (
              <Tag style={{ marginInlineEnd: 0 }}>{t('checklist.advice')}</Tag>
            )}
          </li>
        ))}
      </ul>
      {live && ready && (
        <Typography.Text type="success" style={{ display: 'block', marginTop: 4 }}>
          {t('checklist.ready')}
        </Typography.Text>
      )}
    </div>
  );
}
