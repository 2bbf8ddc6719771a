import { useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Input, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import type { SummaryPartKey, SummaryView } from '../../../common/api/documents';
import { actionKindLabels, type ActionKind } from '../../../common/actions';
import { proseWarnings, resolvePlaceholders } from '../../../common/summary-text';
import { useI18n } from '../../app/i18n/useI18n';
import { canEditSummary } from '../../../common/policies/documents';
import { useErrorText } from '../../components/useErrorText';
import { useSessionUser } from '../auth/auth.api';
import { periodLabel } from '../dashboard/format';
import { DownloadButtons } from './DownloadButtons';
import { useSaveSummary, useSummary } from './reports.api';
import { useReportCampaign } from './useReportCampaign';
import './reports.css';

type Draft = { title: string; parts: Partial<Record<SummaryPartKey, string>> };

/**
 * The annual summary (年度总结) editor: the prose of each part is editable; the numbers, lists and
 * examples under it are generated from the records and stay tied to them. Numbers in prose are
 * written as placeholders, resolved at every export.
 */
export function SummaryEditorPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const user = useSessionUser();
  const [params] = useSearchParams();
  // Opened without a campaign (a bookmark, the address typed), it is the one 报表台账 would show.
  const { campaigns, campaign } = useReportCampaign();
  const campaignId = Number(params.get('campaign')) || campaign?.id;
  const summary = useSummary(canEditSummary(user) ? campaignId : undefined);

  if (!canEditSummary(user)) return <Result status="403" subTitle={t('documents.summary.forbidden')} />;
  if (summary.isError) return <Alert type="error" showIcon title={errorText(summary.error)} />;
  if (campaigns.isError) return <Alert type="error" showIcon title={errorText(campaigns.error)} />;
  if (campaigns.isSuccess && !campaignId)
    return (
      <Card title={t('documents.title')}>
        <Typography.Paragraph>{t('documents.noCampaign')}</Typography.Paragraph>
      </Card>
    );
  if (!summary.data)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  // A new version from the server (the first load, a save) starts a fresh draft.
  return <SummaryEditor key={`${summary.data.campaign.id}/${summary.data.version}`} view={summary.data} />;
}

function SummaryEditor({ view }: { view: SummaryView }) {
  const { t, pick, lang } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const save = useSaveSummary();
  const [draft, setDraft] = useState<Draft>(() => ({
    title: view.title,
    parts: Object.fromEntries(view.parts.map((p) => [p.key, p.prose])),
  }));
  const focused = useRef<{ key: SummaryPartKey; at: number } | null>(null);
  const values = useMemo(
    () => Object.fromEntries(view.placeholders.map((p) => [p.name, p.value])),
    [view.placeholders],
  );
  const dirty =
    draft.title !== view.title || view.parts.some((p) => (draft.parts[p.key] ?? p.prose) !== p.prose);

  const doSave = async () => {
    if (!dirty) return;
    const changed = Object.fromEntries(
      view.parts.filter((p) => draft.parts[p.key] !== p.prose).map((p) => [p.key, draft.parts[p.key] ?? '']),
    );
    await save.mutateAsync({
      campaignId: view.campaign.id,
      version: view.version,
      title: draft.title,
      parts: changed,
    });
  };
  const onSave = async () => {
    try {
      await doSave();
      void message.success(t('documents.summary.savedOk'));
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const setPart = (key: SummaryPartKey, text: string) =>
    setDraft((d) => ({ ...d, parts: { ...d.parts, [key]: text } }));
  const insert = (name: string) => {
    const target = focused.current ?? { key: view.parts[0]!.key, at: 0 };
    const text = draft.parts[target.key] ?? '';
    const at = Math.min(target.at, text.length);
    const token = `{${name}}`;
    setPart(target.key, text.slice(0, at) + token + text.slice(at));
    focused.current = { key: target.key, at: at + token.length };
  };
  const heading = (key: SummaryPartKey, fallback: string) =>
    key === 'intro' || key === 'closing'
      ? t(key === 'intro' ? 'documents.summary.part.intro' : 'documents.summary.part.closing')
      : key in actionKindLabels
        ? pick(actionKindLabels[key as ActionKind])
        : fallback;
  let ordinal = 0;

  return (
    <div className="reports">
      <div>
        <Link to={`/reports?campaign=${view.campaign.id}`}>← {t('documents.summary.back')}</Link>
      </div>
      <Card size="small">
        <Space direction="vertical" style={{ width: '100%' }} size={8}>
          <Typography.Text type="secondary">{view.campaign.name}</Typography.Text>
          <label>
            <Typography.Text strong>{t('documents.summary.docTitle')}</Typography.Text>
            <Input
              value={draft.title}
              maxLength={100}
              onChange={(e) => setDraft({ ...draft, title: e.target.value })}
            />
          </label>
          <Typography.Text type="secondary">
            {t('documents.summary.period', {
              from: periodLabel(view.period.from, lang),
              to: periodLabel(view.period.to, lang),
              n: view.period.months,
            })}
            {' · '}
            {view.updatedAt
              ? t('documents.summary.saved', {
                  v: view.version,
                  by: view.updatedBy ?? '',
                  at: dayjs(view.updatedAt).format('YYYY-MM-DD HH:mm'),
                })
              : t('documents.summary.neverSaved')}
          </Typography.Text>
          <Space wrap>
            <Button type="primary" onClick={() => void onSave()} loading={save.isPending} disabled={!dirty}>
              {t('documents.summary.save')}
            </Button>
            <DownloadButtons
              path="/documents/summary/file"
              query={{ campaignId: view.campaign.id }}
              label={t('documents.summary')}
              before={doSave}
              explain
            />
            {dirty && <Tag color="orange">{t('documents.summary.unsaved')}</Tag>}
          </Space>
          {dirty && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('documents.summary.exportSaves')}
            </Typography.Text>
          )}
        </Space>
      </Card>

      <div className="summary-editor">
        <div className="reports">
          {view.parts.map((part) => {
            const prose = draft.parts[part.key] ?? part.prose;
            // Checked as one types: the server says the same on save.
            const warnings = proseWarnings(prose, values);
            // The actions are numbered （一）（二）… under 主要做法和成效, as the document prints them.
            const numbered = part.key in actionKindLabels;
            const lead = numbered ? `（${['一', '二', '三', '四', '五', '六', '七', '八'][ordinal++]}）` : '';
            return (
              <Card
                key={part.key}
                size="small"
                title={`${lead}${heading(part.key, part.heading)}`}
                extra={
                  prose === part.defaultProse ? null : (
                    <Button size="small" type="link" onClick={() => setPart(part.key, part.defaultProse)}>
                      {t('documents.summary.reset')}
                    </Button>
                  )
                }
              >
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('documents.summary.prose')}
                </Typography.Text>
                <Input.TextArea
                  aria-label={`${heading(part.key, part.heading)} ${t('documents.summary.prose')}`}
                  value={prose}
                  autoSize={{ minRows: 3, maxRows: 14 }}
                  maxLength={5000}
                  onChange={(e) => {
                    focused.current = { key: part.key, at: e.target.selectionStart ?? e.target.value.length };
                    setPart(part.key, e.target.value);
                  }}
                  onSelect={(e) =>
                    (focused.current = { key: part.key, at: e.currentTarget.selectionStart ?? prose.length })
                  }
                  onFocus={(e) =>
                    (focused.current = { key: part.key, at: e.currentTarget.selectionStart ?? prose.length })
                  }
                />
                {warnings.length > 0 && (
                  <Alert
                    style={{ marginTop: 8 }}
                    type="warning"
                    showIcon
                    title={warnings.map((w) => (
                      <div key={w}>{w}</div>
                    ))}
                  />
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>
                  {t('documents.summary.preview')}
                </Typography.Text>
                <div className="summary-preview">{resolvePlaceholders(prose, values).text}</div>
                {part.facts.length > 0 && (
                  <>
                    <Typography.Text
                      type="secondary"
                      style={{ fontSize: 12, display: 'block', marginTop: 8 }}
                    >
                      {t('documents.summary.facts')}
                    </Typography.Text>
                    <ul className="summary-facts">
                      {part.facts.map((f) => (
                        <li key={f}>{f}</li>
                      ))}
                    </ul>
                  </>
                )}
              </Card>
            );
          })}
        </div>
        <Card size="small" className="summary-side" title={t('documents.summary.placeholders')}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('documents.summary.placeholdersHelp')}
          </Typography.Paragraph>
          <div>
            {view.placeholders.map((p) => (
              <Tag key={p.name} className="summary-placeholder" onClick={() => insert(p.name)}>
                {`{${p.name}}`} = {p.value}
              </Tag>
            ))}
          </div>
        </Card>
      </div>
    </div>
  );
}
