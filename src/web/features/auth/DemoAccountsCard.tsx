import { Alert, Button, Space, Typography } from 'antd';
import { roleLabels, type Role } from '../../../common/roles';
import { useI18n } from '../../app/i18n/useI18n';

/** The demo loader creates these accounts; see src/server/modules/setup/demo-organisation.ts. */
export const DEMO_PASSWORD = 'Duibiao@2020';
const demoAccounts: { username: string; role: Role }[] = [
  { username: 'jiguan', role: 'committee' },
  { username: 'zhibu1', role: 'branch_secretary' },
  { username: 'zhibu2', role: 'branch_secretary' },
  { username: 'zhibu3', role: 'branch_secretary' },
  { username: 'zhibu4', role: 'branch_secretary' },
  { username: 'zhibu5', role: 'branch_secretary' },
  { username: 'lingdao', role: 'leader' },
  { username: 'lingdao2', role: 'leader' },
  { username: 'dangyuan', role: 'member' },
  { username: 'jiceng', role: 'grassroots_contact' },
];

/** Shown on the login page of a demo installation only, so visitors can try each role. */
export function DemoAccountsCard({ onPick }: { onPick: (username: string, password: string) => void }) {
  const { t, pick } = useI18n();
  return (
    <Alert
      type="info"
      style={{ marginTop: 16 }}
      title={t('auth.demoTitle')}
      description={
        <Space orientation="vertical" size={6} style={{ width: '100%' }}>
          <Typography.Text>
            {t('auth.demoIntro')} <Typography.Text code>{DEMO_PASSWORD}</Typography.Text>
          </Typography.Text>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
            {demoAccounts.map((account) => (
              <Button
                key={account.username}
                size="small"
                onClick={() => onPick(account.username, DEMO_PASSWORD)}
                title={pick(roleLabels[account.role])}
              >
                {account.username} · {pick(roleLabels[account.role])}
              </Button>
            ))}
          </div>
          <Typography.Text type="secondary">{t('auth.demoAdmin')}</Typography.Text>
          <Typography.Text type="secondary">{t('auth.demoUse')}</Typography.Text>
        </Space>
      }
    />
  );
}
