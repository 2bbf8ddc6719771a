import { useState } from 'react';
import { Alert, Card, Progress, Segmented, Select, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/useI18n';
import { useErrorText } from '../../components/useErrorText';
import { useRanking, type RankingRow } from './dashboard.api';
import { periodLabel, points } from './format';

interface Props {
  campaignId: number;
  periods: string[];
  /** The month first shown in the monthly view (the end of the chosen range). */
  defaultPeriod?: string;
  profileHref: (branchId: number) => string;
  /** Only one company's branches, ranked among themselves. */
  companyId?: number;
}

type Mode = 'monthly' | 'cumulative';

/**
 * Scores per branch, monthly or cumulative. Ranks appear only when the server gives them: a branch
 * without the campaign's permission to compare sees its own score against the standard, nothing else.
 */
export function RankingCard({ campaignId, periods, defaultPeriod, profileHref, companyId }: Props) {
  const { t, lang } = useI18n();
  const errorText = useErrorText();
  const [mode, setMode] = useState<Mode>('cumulative');
  const [chosen, setChosen] = useState<string | undefined>();
  const period = chosen && periods.includes(chosen) ? chosen : (defaultPeriod ?? periods.at(-1));
  const ranking = useRanking(campaignId, mode === 'monthly' ? period : undefined, companyId);
  const rows = ranking.data?.rows ?? [];
  const ranked = rows.some((r) => r.rank !== null);
  const own = ranking.data?.scope === 'own';

  const rate = (score: number | null, max: number | null) =>
    score !== null && max ? Math.min(100, Math.round((score / max) * 100)) : 0;

  return (
    <Card
      size="small"
      style={{ height: '100%' }}
      title={t(own ? 'dashboard.ranking.titleOwn' : 'dashboard.ranking.title')}
      extra={
        <Space size={8} wrap>
          <Segmented<Mode>
            size="small"
            value={mode}
            onChange={setMode}
            options={[
              { value: 'monthly', label: t('dashboard.ranking.monthly') },
              { value: 'cumulative', label: t('dashboard.ranking.cumulative') },
            ]}
          />
          {mode === 'monthly' && (
            <Select<string>
              size="small"
              style={{ width: 120 }}
              value={period}
              onChange={setChosen}
              options={periods.map((p) => ({ value: p, label: periodLabel(p, lang) }))}
              aria-label={t('dashboard.ranking.monthly')}
            />
          )}
        </Space>
      }
    >
      {ranking.isError && <Alert type="error" showIcon title={errorText(ranking.error)} />}
      <Table<RankingRow>
        rowKey="branchId"
        size="small"
        pagination={false}
        loading={ranking.isFetching}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          ...(ranked
            ? [
                {
                  key: 'rank',
                  title: t('dashboard.ranking.rank'),
                  width: 56,
                  align: 'center' as const,
                  render: (_: unknown, r: RankingRow) => <span className="dashboard-rank">{r.rank}</span>,
                },
              ]
            : []),
          {
            key: 'branch',
            title: t('dashboard.ranking.branch'),
            render: (_, r) => <Link to={profileHref(r.branchId)}>{r.branchName}</Link>,
          },
          mode === 'monthly'
            ? {
                key: 'month',
                title: t('dashboard.ranking.monthScore'),
                render: (_, r) => <ScoreBar score={r.score} max={r.max} percent={rate(r.score, r.max)} />,
              }
            : {
                key: 'cumulative',
                title: t('dashboard.ranking.cumulativeScore'),
                render: (_, r) => (
                  <ScoreBar
                    score={r.cumulative}
                    max={r.cumulativeMax}
                    percent={rate(r.cumulative, r.cumulativeMax)}
                  />
                ),
              },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        {[t('dashboard.ranking.cumulativeNote'), ranked ? t('dashboard.ranking.ties') : '']
          .filter(Boolean)
          .join(lang === 'en' ? ' ' : '')}
      </Typography.Paragraph>
    </Card>
  );
}

function ScoreBar({ score, max, percent }: { score: number | null; max: number | null; percent: number }) {
  return (
    <div style={{ minWidth: 150 }}>
      <span style={{ fontVariantNumeric: 'tabular-nums' }}>
        {points(score)} / {points(max)}
      </span>
      <Progress
        percent={percent}
        size="small"
        showInfo={false}
        strokeColor="#c8161d"
        aria-label={`${points(score)} / ${points(max)}`}
      />
    </div>
  );
}
