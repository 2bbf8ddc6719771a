import { useState } from 'react';
import { App, Button, Space, Tooltip, Typography } from 'antd';
import type { DocFormat } from '../../../common/api/documents';
import type { QueryValue } from '../../api/client';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';
import { downloadDocument, useCapabilities } from './reports.api';

interface Props {
  path: string;
  query?: Record<string, QueryValue>;
  /** Text before the format, e.g. “会议记录” → “会议记录 Word”. */
  label?: string;
  size?: 'small' | 'middle';
  /** Say in a line why PDF is missing (where no page-level notice does). */
  explain?: boolean;
  /** Runs first, e.g. saving the summary's prose. */
  before?: () => Promise<void>;
  disabled?: boolean;
}

/** Word, and PDF when the server can convert; otherwise the PDF button is hidden with the reason. */
export function DownloadButtons({
  path,
  query = {},
  label,
  size = 'middle',
  explain,
  before,
  disabled,
}: Props) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const caps = useCapabilities();
  const [busy, setBusy] = useState<DocFormat | null>(null);
  const run = async (format: DocFormat) => {
    setBusy(format);
    try {
      await before?.();
      await downloadDocument(path, query, format);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  const text = (f: string) => (label ? `${label} ${f}` : f);
  const pdf = caps.data?.pdf;
  return (
    <Space wrap size={[8, 4]}>
      <Button
        size={size}
        loading={busy === 'docx'}
        disabled={disabled || busy !== null}
        onClick={() => void run('docx')}
      >
        {text(t('documents.word'))}
      </Button>
      {pdf && (
        <Button
          size={size}
          loading={busy === 'pdf'}
          disabled={disabled || busy !== null}
          onClick={() => void run('pdf')}
        >
          {text(t('documents.pdf'))}
        </Button>
      )}
      {pdf === false && explain && (
        <Tooltip title={caps.data?.reason}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('documents.pdfUnavailable')}
          </Typography.Text>
        </Tooltip>
      )}
    </Space>
  );
}
