import { useState } from 'react';
import { App, Button, Select, Typography, Upload, type UploadProps } from 'antd';
import { evidenceKindLabels, evidenceKinds, type ActionKind } from '../../../common/actions';
import { useRemoveEvidence, useUploadEvidence, type EvidenceKind } from './records.api';
import { EvidenceGallery, type Evidence } from './EvidenceGallery';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';

const MAX_BYTES = 20 * 1024 * 1024;
const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp,image/gif';
const ACCEPT = [PHOTO_ACCEPT, 'application/pdf', '.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx'].join(',');

/** The kind most uploads of an action are: a revision's rule text, a meeting's photos. */
const defaultEvidenceKind = (kind: ActionKind): EvidenceKind =>
  kind === 'rule_revision' ? 'document' : 'photo';

/**
 * Uploads to the record's multipart endpoint (CSRF header included by the API client). A record
 * not saved yet is saved as a draft first, so a photo can be the first thing put in.
 */
export function EvidencePanel({
  recordId,
  ensureRecord,
  kind,
  items,
}: {
  recordId: number | null;
  /** Saves the record as a draft; its id, or null when it cannot be saved yet (already shown). */
  ensureRecord: () => Promise<number | null>;
  kind: ActionKind;
  items: Evidence[];
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const upload = useUploadEvidence();
  const remove = useRemoveEvidence(recordId ?? 0);
  const [evidenceKind, setEvidenceKind] = useState<EvidenceKind>(defaultEvidenceKind(kind));
  const [busy, setBusy] = useState(0);

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    if (!(file instanceof File)) return;
    setBusy((n) => n + 1);
    Promise.resolve(recordId ?? ensureRecord())
      .then((id) => {
        if (id === null) throw new Error(t('evidence.saveFirst'));
        return upload.mutateAsync({ recordId: id, file, kind: evidenceKind });
      })
      .then((result) => {
        onSuccess?.(result);
        void message.success(`${t('evidence.uploaded')}:${file.name}`);
      })
      .catch((error: unknown) => {
        onError?.(error instanceof Error ? error : new Error(String(error)));
        void message.error(`${file.name}:${errorText(error)}`);
      })
      .finally(() => setBusy((n) => n - 1));
  };

  return (
    <div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 8 }}>
        <Select<EvidenceKind>
          style={{ width: 130 }}
          aria-label={t('evidence.kind')}
          value={evidenceKind}
          onChange={setEvidenceKind}
          options={evidenceKinds.map((k) => ({ value: k, label: pick(evidenceKindLabels[k]) }))}
        />
        <Upload
          // On a phone a photo is taken there and then: the camera opens directly.
          capture={evidenceKind === 'photo' ? 'environment' : undefined}
          accept={evidenceKind === 'photo' ? PHOTO_ACCEPT : ACCEPT}
          multiple
          showUploadList={false}
          customRequest={customRequest}
          beforeUpload={(file) => {
            if (file.size <= MAX_BYTES) return true;
            void message.error(`${file.name}:${t('evidence.tooLarge')}`);
            return Upload.LIST_IGNORE;
          }}
        >
          <Button type="primary" ghost loading={busy > 0}>
            {t('evidence.upload')}
          </Button>
        </Upload>
      </div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('evidence.hint')}
      </Typography.Paragraph>
      <EvidenceGallery
        items={items}
        onRemove={(e) =>
          remove.mutateAsync(e.id).catch((error: unknown) => void message.error(errorText(error)))
        }
      />
    </div>
  );
}
