import { Button, Image, Popconfirm, Tag, Typography } from 'antd';
import type { z } from 'zod';
import type { evidenceSchema } from '../../../common/api/records';
import { evidenceKindLabels } from '../../../common/actions';
import { evidenceFileUrl, evidenceThumbnailUrl } from './records.api';
import { useI18n } from '../../app/i18n/useI18n';

export type Evidence = z.infer<typeof evidenceSchema>;

const TILE = 132;

function fileBadge(mime: string): string {
  if (mime === 'application/pdf') return 'PDF';
  if (mime.includes('word') || mime.includes('ms-office')) return 'DOC';
  if (mime.includes('sheet')) return 'XLS';
  if (mime.includes('presentation')) return 'PPT';
  return 'FILE';
}

const formatSize = (bytes: number) =>
  bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * Evidence as tiles: images show their thumbnail and open the full picture on click; other files
 * open (download) the original. With onRemove, each tile can be withdrawn.
 */
export function EvidenceGallery({
  items,
  onRemove,
}: {
  items: Evidence[];
  onRemove?: (item: Evidence) => Promise<unknown>;
}) {
  const { t, pick } = useI18n();
  if (!items.length) return <Typography.Text type="secondary">{t('evidence.none')}</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {items.map((e) => (
          <figure
            key={e.id}
            data-testid="evidence-tile"
            style={{
              width: TILE,
              margin: 0,
              border: '1px solid #f0f0f0',
              borderRadius: 6,
              overflow: 'hidden',
              background: '#fff',
            }}
          >
            <div style={{ height: 96, display: 'grid', placeItems: 'center', background: '#fafafa' }}>
              {e.hasThumbnail ? (
                <Image
                  src={evidenceThumbnailUrl(e.id)}
                  alt={e.caption ?? e.originalName}
                  width={TILE}
                  height={96}
                  style={{ objectFit: 'cover' }}
                  preview={{ src: evidenceFileUrl(e.id) }}
                />
              ) : (
                <a
                  href={evidenceFileUrl(e.id)}
                  title={e.originalName}
                  style={{ fontSize: 20, fontWeight: 700 }}
                >
                  {fileBadge(e.mime)}
                </a>
              )}
            </div>
            <figcaption style={{ padding: '4px 6px', fontSize: 12 }}>
              <Typography.Text ellipsis style={{ display: 'block', fontSize: 12 }} title={e.originalName}>
                {e.caption || e.originalName}
              </Typography.Text>
              <div style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
                <Tag style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '18px' }}>
                  {pick(evidenceKindLabels[e.kind])}
                </Tag>
                <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                  {formatSize(e.size)}
                </Typography.Text>
              </div>
              <div style={{ display: 'flex', justifyContent: 'space-between' }}>
                <a href={evidenceFileUrl(e.id)} style={{ fontSize: 12 }}>
                  {t('evidence.download')}
                </a>
                {onRemove && (
                  <Popconfirm
                    title={t('evidence.removeConfirm', { name: e.originalName })}
                    okText={t('evidence.remove')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => onRemove(e)}
                  >
                    <Button
                      type="link"
                      danger
                      size="small"
                      style={{ padding: 0, height: 'auto', fontSize: 12 }}
                    >
                      {t('evidence.remove')}
                    </Button>
                  </Popconfirm>
                )}
              </div>
            </figcaption>
          </figure>
        ))}
      </div>
    </Image.PreviewGroup>
  );
}
