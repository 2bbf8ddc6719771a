import { useMemo, useState } from 'react';
import { App, Button, Card, Checkbox, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { actionKindLabels, type ActionKind } from '../../../common/actions';
import { useI18n } from '../../app/i18n/useI18n';
import { useErrorText } from '../../components/useErrorText';
import { DownloadButtons } from './DownloadButtons';
import { useSaveSummary, useSummary } from './reports.api';

/**
 * The annual summary on the reports page: its editor, the examples it cites (the committee picks
 * the best of the highlights and exemplary cases), its draft download and, for the committee, issuing.
 * The choice is saved before a download or an issue, so the file carries what is ticked.
 */
export function SummaryCard({ campaignId, onIssue }: { campaignId: number; onIssue?: () => void }) {
  const { t, pick } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const summary = useSummary(campaignId);
  const save = useSaveSummary();
  const view = summary.data;
  const saved = useMemo(() => (view?.examples ?? []).filter((e) => e.chosen).map((e) => e.id), [view]);
  // The ticks as changed here; null follows what is saved.
  const [edited, setChosen] = useState<number[] | null>(null);
  const chosen = edited ?? saved;
  const dirty = chosen.length !== saved.length || chosen.some((id) => !saved.includes(id));

  const saveChoice = async () => {
    if (!view || !dirty) return;
    await save.mutateAsync({
      campaignId,
      version: view.version,
      title: view.title,
      parts: {},
      exampleIds: chosen,
    });
    setChosen(null);
  };
  const saveNow = async () => {
    try {
      await saveChoice();
      void message.success(t('documents.examplesSaved'));
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const issue = async () => {
    try {
      await saveChoice();
      onIssue?.();
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const examples = view?.examples ?? [];
  return (
    <Card title={t('documents.summary')} size="small">
      <Typography.Paragraph type="secondary">{t('documents.summaryText')}</Typography.Paragraph>
      <Typography.Text strong>{t('documents.examples')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ margin: '2px 0 6px' }}>
        {t('documents.examplesText')}
      </Typography.Paragraph>
      {summary.isPending ? (
        <Skeleton active />
      ) : !examples.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('documents.examplesEmpty')} />
      ) : (
        <>
          <Checkbox.Group
            className="reports-examples"
            value={chosen}
            onChange={(ids) => setChosen(ids)}
            options={examples.map((e) => ({
              value: e.id,
              label: (
                <span>
                  {e.title}
                  <span className="reports-example-meta">
                    {' · '}
                    {e.branchName} · {pick(actionKindLabels[e.kind as ActionKind])}{' '}
                    {e.highlight && <Tag color="gold">{t('documents.exampleHighlight')}</Tag>}
                    {e.exemplary && <Tag color="red">{t('documents.exampleExemplary')}</Tag>}
                  </span>
                </span>
              ),
            }))}
          />
          <Space wrap style={{ margin: '8px 0 12px' }}>
            <Typography.Text type="secondary">
              {t('documents.examplesCount', { n: chosen.length, total: examples.length })}
            </Typography.Text>
            <Button size="small" disabled={!dirty} loading={save.isPending} onClick={() => void saveNow()}>
              {t('documents.examplesSave')}
            </Button>
          </Space>
        </>
      )}
      <Space wrap>
        <Link to={`/reports/summary?campaign=${campaignId}`}>
          <Button type="primary">{t('documents.summaryEdit')}</Button>
        </Link>
        <DownloadButtons
          path="/documents/summary/file"
          query={{ campaignId }}
          label={t('issued.draft')}
          before={saveChoice}
        />
        {onIssue && <Button onClick={() => void issue()}>{t('issued.issue')}</Button>}
      </Space>
    </Card>
  );
}
