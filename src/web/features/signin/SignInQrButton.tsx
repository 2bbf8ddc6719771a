import { useEffect, useState } from 'react';
import { Alert, App, Button, Image, Modal, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import QRCode from 'qrcode';
import { useCreateSignInLink, useLiveAttendance, type SignInLink } from './signin.api';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';

/** For a study session or theme day the user can edit: a QR code members scan to sign in. */
export function SignInQrButton({ recordId }: { recordId: number }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const create = useCreateSignInLink(recordId);
  const [link, setLink] = useState<SignInLink | null>(null);
  const [dataUrl, setDataUrl] = useState<string | null>(null);
  const attendance = useLiveAttendance(recordId, link !== null);

  useEffect(() => {
    if (!link) return;
    let live = true;
    void QRCode.toDataURL(`${window.location.origin}${link.path}`, { width: 280, margin: 1 }).then((url) => {
      if (live) setDataUrl(url);
    });
    return () => {
      live = false;
    };
  }, [link]);

  const rows = attendance.data?.attendance ?? [];
  const signed = rows.filter((a) => a.signedInAt);

  return (
    <>
      <Button
        loading={create.isPending}
        onClick={() =>
          create.mutate(undefined, {
            onSuccess: setLink,
            onError: (e) => void message.error(errorText(e)),
          })
        }
      >
        {t('signin.qr')}
      </Button>
      <Modal
        open={link !== null}
        title={t('signin.qr')}
        footer={null}
        onCancel={() => {
          setLink(null);
          setDataUrl(null);
        }}
      >
        {link && (
          <Space orientation="vertical" style={{ width: '100%', textAlign: 'center' }}>
            {dataUrl && <Image src={dataUrl} alt={t('signin.qr')} width={240} preview={false} />}
            <Typography.Text strong>
              {t('signin.expires', { time: dayjs(link.expiresAt).format('HH:mm') })}
            </Typography.Text>
            <Typography.Text type="secondary">{t('signin.qrHint')}</Typography.Text>
            {attendance.isError && <Alert type="error" showIcon title={errorText(attendance.error)} />}
            <Typography.Text>{t('signin.signed', { n: signed.length, total: rows.length })}</Typography.Text>
            <Space wrap style={{ justifyContent: 'center' }}>
              {signed.map((a) => (
                <Tag key={a.personId} color="green">
                  {a.name} {dayjs(a.signedInAt).format('HH:mm')}
                </Tag>
              ))}
            </Space>
          </Space>
        )}
      </Modal>
    </>
  );
}
