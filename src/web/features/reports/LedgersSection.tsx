import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Select, Typography } from 'antd';
import { recordStatusLabels, recordStatuses, taskStatusLabels, taskStatuses } from '../../../common/actions';
import type { Campaign } from '../../../common/api/campaigns';
import { ledgerKindLabels, ledgerKinds, type LedgerKind } from '../../../common/api/ledgers';
import { useCampaigns } from '../campaigns/campaigns.api';
import { useStructure } from '../org/org.api';
import { useSessionUser } from '../auth/auth.api';
import { ledgerScope } from '../../../common/policies/ledgers';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';
import type { MessageKey } from '../../app/i18n/types';
import { downloadFile } from './ledgerDownload';

const newest = (list: Campaign[]) => [...list].sort((a, b) => b.year - a.year || b.id - a.id)[0];
const periodsOf = (c: Campaign) =>
  [...c.months].sort((a, b) => a - b).map((m) => `${c.year}-${String(m).padStart(2, '0')}`);

interface Choice {
  campaignId?: number;
  kind: LedgerKind;
  from?: string;
  to?: string;
  branchId?: number;
  status?: string;
  /** Also list records not (yet) approved; the ledger shades them. */
  includeUnapproved?: boolean;
}

const field: React.CSSProperties = { display: 'flex', flexDirection: 'column', gap: 4, minWidth: 0 };

/**
 * Ledger (台账) export: campaign, ledger, month range, branch and status, then one click to an
 * xlsx file. Self-contained, so a reports page can place it as it is. The server decides scope:
 * a branch secretary's export holds their own branch only.
 */
export function LedgersSection() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const user = useSessionUser();
  const campaigns = useCampaigns();
  const structure = useStructure();
  const [choice, setChoice] = useState<Choice>({ kind: 'study' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const allowed = ledgerScope(user) !== null;
  const started = (campaigns.data?.items ?? []).filter((c) => c.status !== 'draft');
  const campaign =
    started.find((c) => c.id === choice.campaignId) ??
    newest(started.filter((c) => c.status === 'active')) ??
    newest(started);
  const periods = campaign ? periodsOf(campaign) : [];
  const kinds = ledgerKinds.filter(
    (k) => k === 'tasks' || k === 'attendance' || !!campaign?.actionKinds.some((a) => a.kind === k),
  );
  const kind = kinds.includes(choice.kind) ? choice.kind : 'tasks';
  const scope = ledgerScope(user) ?? [];
  const branches = (structure.data?.branches ?? []).filter(
    (b) => campaign?.branchIds.includes(b.id) && (scope === 'all' || scope.includes(b.id)),
  );
  // Record ledgers (and the attendance ledger) hold approved records unless asked for the rest.
  const recordLedger = kind !== 'tasks';
  const statuses =
    kind === 'tasks'
      ? taskStatuses.map((s) => ({ value: s as string, label: pick(taskStatusLabels[s]) }))
      : recordStatuses.map((s) => ({ value: s as string, label: pick(recordStatusLabels[s]) }));
  const change = (patch: Partial<Choice>) => {
    setError(null);
    setChoice((c) => ({ ...c, ...patch }));
  };

  if (!allowed) return <Alert type="info" showIcon title={t('ledgers.notAllowed')} />;

  const download = async () => {
    if (!campaign) return;
    setBusy(true);
    setError(null);
    try {
      const name = await downloadFile(
        `/ledgers/${kind}`,
        {
          campaignId: campaign.id,
          from: choice.from,
          to: choice.to,
          branchId: choice.branchId,
          status: choice.status,
          includeUnapproved: recordLedger && choice.includeUnapproved ? 'true' : undefined,
        },
        `${ledgerKindLabels[kind].zh}.xlsx`,
      );
      message.success(t('ledgers.downloaded', { name }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('ledgers.title')} size="small">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('ledgers.intro')}
      </Typography.Paragraph>
      {campaigns.isSuccess && !campaign ? (
        <Alert type="info" showIcon title={t('ledgers.noCampaign')} />
      ) : (
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))',
            gap: 12,
            alignItems: 'end',
          }}
        >
          <label style={field}>
            <span>{t('ledgers.campaign')}</span>
            <Select<number>
              aria-label={t('ledgers.campaign')}
              loading={campaigns.isLoading}
              value={campaign?.id}
              onChange={(campaignId) =>
                change({ campaignId, from: undefined, to: undefined, branchId: undefined })
              }
              options={started.map((c) => ({ value: c.id, label: c.name }))}
            />
          </label>
          <label style={field}>
            <span>{t('ledgers.kind')}</span>
            <Select<LedgerKind>
              aria-label={t('ledgers.kind')}
              value={kind}
              onChange={(next) => change({ kind: next, status: undefined })}
              options={kinds.map((k) => ({ value: k, label: pick(ledgerKindLabels[k]) }))}
            />
          </label>
          <label style={field}>
            <span>{t('ledgers.from')}</span>
            <Select<string>
              aria-label={t('ledgers.from')}
              allowClear
              placeholder={periods[0]}
              value={choice.from}
              onChange={(from) =>
                change({ from, to: choice.to && from && choice.to < from ? from : choice.to })
              }
              options={periods.map((p) => ({ value: p, label: p }))}
            />
          </label>
          <label style={field}>
            <span>{t('ledgers.to')}</span>
            <Select<string>
              aria-label={t('ledgers.to')}
              allowClear
              placeholder={periods.at(-1)}
              value={choice.to}
              onChange={(to) => change({ to })}
              options={periods
                .filter((p) => !choice.from || p >= choice.from)
                .map((p) => ({ value: p, label: p }))}
            />
          </label>
          <label style={field}>
            <span>{t('ledgers.branch')}</span>
            <Select<number>
              aria-label={t('ledgers.branch')}
              allowClear
              placeholder={
                scope === 'all' ? t('ledgers.allBranches') : branches.map((b) => b.name).join('、')
              }
              value={choice.branchId}
              onChange={(branchId) => change({ branchId })}
              options={branches.map((b) => ({ value: b.id, label: b.name }))}
            />
          </label>
          <label style={field}>
            <span>{t('ledgers.status')}</span>
            <Select<string>
              aria-label={t('ledgers.status')}
              allowClear
              placeholder={t(
                recordLedger && !choice.includeUnapproved ? 'ledgers.approvedDefault' : 'ledgers.allStatuses',
              )}
              value={choice.status}
              onChange={(status) => change({ status })}
              options={statuses}
            />
          </label>
          {recordLedger && (
            <Checkbox
              checked={!!choice.includeUnapproved}
              disabled={!!choice.status}
              onChange={(e) => change({ includeUnapproved: e.target.checked })}
            >
              {t('ledgers.includeUnapproved')}
            </Checkbox>
          )}
          <Button type="primary" loading={busy} disabled={!campaign} onClick={() => void download()}>
            {t('ledgers.download')}
          </Button>
        </div>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
        {t(`ledgers.hint.${kind}` as MessageKey)}
        {recordLedger &&
          ` ${t(choice.includeUnapproved && !choice.status ? 'ledgers.unapprovedShaded' : 'ledgers.approvedOnly')}`}
      </Typography.Paragraph>
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} />}
    </Card>
  );
}
