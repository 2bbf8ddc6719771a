import { useMemo } from 'react';
import { Alert, Card, Col, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { actionKindLabels, taskStatusLabels, type ActionKind } from '../../../common/actions';
import { useI18n } from '../../app/i18n/useI18n';
import { useErrorText } from '../../components/useErrorText';
import { ChartCard } from './ChartCard';
import { containLabels, type ChartOption } from './echarts';
import { useProfile, type Profile } from './dashboard.api';
import { percent, periodShort, points } from './format';
import { useDashboardParams } from './useDashboardParams';
import { BranchSignalsCard } from '../review/BranchSignalsCard';
import { FusionCard } from '../fusion/FusionCard';
import './dashboard.css';

const red = '#c8161d';
const grey = '#8c8c8c';
const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** 支部画像: one branch month by month and action by action, against the other branches' average. */
export function BranchProfilePage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const branchId = Number(useParams().id);
  const { campaigns, campaign } = useDashboardParams();
  const profile = useProfile(branchId, campaign?.id);
  const back = `/dashboard${campaign ? `?campaign=${campaign.id}` : ''}`;

  if (campaigns.isError || profile.isError)
    return (
      <Card>
        <Alert type="error" showIcon title={errorText(campaigns.error ?? profile.error)} />
        <Link to={back}>{t('dashboard.profile.back')}</Link>
      </Card>
    );
  if (!campaign && !campaigns.isPending)
    return (
      <Card title={t('dashboard.profile.title')}>
        <Typography.Paragraph>{t('dashboard.noCampaign')}</Typography.Paragraph>
      </Card>
    );
  if (!profile.data || !campaign)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );

  const others = Math.max(campaign.branchIds.length - 1, 0);
  return (
    <ProfileBody
      profile={profile.data}
      campaignId={campaign.id}
      campaignName={campaign.name}
      others={others}
      back={back}
    />
  );
}

function ProfileBody({
  profile,
  campaignId,
  campaignName,
  others,
  back,
}: {
  profile: Profile;
  campaignId: number;
  campaignName: string;
  others: number;
  back: string;
}) {
  const { t, lang, pick } = useI18n();
  const { branch, totals, othersTotals, months, kinds } = profile;
  const kindName = (k: ActionKind) => pick(actionKindLabels[k]);
  const othersScore = months.reduce((s, m) => s + (m.othersAverageScore ?? 0), 0);
  const hasOthers = others > 0 && othersTotals.total > 0;
  const fileBase = `${campaignName}-${branch.name}`;

  const completionOption = useMemo<ChartOption>(
    () => ({
      aria: { enabled: true },
      color: [red, grey],
      grid: { left: 8, right: 12, top: 36, bottom: 8, ...containLabels },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? `${v}%` : '—') },
      xAxis: {
        type: 'category',
        boundaryGap: false,
        data: months.map((m) => periodShort(m.periodKey, lang)),
      },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'line',
          name: t('dashboard.profile.thisBranch'),
          data: months.map((m) => pct(m.completionRate)),
          symbolSize: 7,
        },
        {
          type: 'line',
          name: t('dashboard.profile.others'),
          data: months.map((m) => pct(m.othersCompletionRate)),
          symbolSize: 6,
          lineStyle: { type: 'dashed' },
        },
      ],
    }),
    [months, lang, t],
  );

  const scoreOption = useMemo<ChartOption>(() => {
    const standard = Math.max(0, ...months.map((m) => m.max));
    return {
      aria: { enabled: true },
      color: [red, grey],
      grid: { left: 8, right: 12, top: 36, bottom: 8, ...containLabels },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        boundaryGap: false,
        data: months.map((m) => periodShort(m.periodKey, lang)),
      },
      yAxis: { type: 'value', min: 0 },
      series: [
        {
          type: 'line',
          name: t('dashboard.profile.thisBranch'),
          data: months.map((m) => m.score),
          symbolSize: 7,
          markLine: standard
            ? {
                symbol: 'none',
                silent: true,
                lineStyle: { color: '#52c41a', type: 'solid' },
                label: { formatter: t('dashboard.profile.standard'), position: 'insideEndTop' },
                data: [{ yAxis: standard }],
              }
            : undefined,
        },
        {
          type: 'line',
          name: t('dashboard.profile.others'),
          data: months.map((m) => m.othersAverageScore),
          symbolSize: 6,
          lineStyle: { type: 'dashed' },
        },
      ],
    };
  }, [months, lang, t]);

  const kindsOption = useMemo<ChartOption>(
    () => ({
      aria: { enabled: true },
      color: [red, grey],
      grid: { left: 8, right: 12, top: 36, bottom: 8, ...containLabels },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${v}%` },
      xAxis: {
        type: 'category',
        data: kinds.map((k) => pick(actionKindLabels[k.kind])),
        axisLabel: { interval: 0, fontSize: 11 },
      },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          name: t('dashboard.profile.thisBranch'),
          data: kinds.map((k) => pct(k.completionRate)),
          barMaxWidth: 22,
        },
        {
          type: 'bar',
          name: t('dashboard.profile.others'),
          data: kinds.map((k) => pct(k.othersCompletionRate)),
          barMaxWidth: 22,
        },
      ],
    }),
    [kinds, pick, t],
  );

  const strengths = profile.strengths.map((k) => {
    const x = kinds.find((y) => y.kind === k);
    const vars = {
      kind: kindName(k),
      rate: percent(x?.completionRate),
      others: percent(x?.othersCompletionRate),
    };
    return x?.completionRate === 1
      ? t('dashboard.profile.strengthAllDone', vars)
      : t('dashboard.profile.strengthAbove', vars);
  });
  const gaps = profile.gaps.map((k) => {
    const x = kinds.find((y) => y.kind === k);
    const vars = {
      kind: kindName(k),
      rate: percent(x?.completionRate),
      others: percent(x?.othersCompletionRate),
    };
    const below = (x?.completionRate ?? 0) < (x?.othersCompletionRate ?? 0) - 0.05;
    const onTime =
      x?.onTimeRate !== null && x?.onTimeRate !== undefined && x.onTimeRate < 1
        ? t('dashboard.profile.onTime', { rate: percent(x.onTimeRate) })
        : '';
    return (below ? t('dashboard.profile.gapBelow', vars) : t('dashboard.profile.gapUnder80', vars)) + onTime;
  });

  const avg = (n: number) => (others ? Math.round((n / others) * 10) / 10 : 0);
  const countRows: { key: string; label: string; own: number; others: number }[] = [
    {
      key: 'total',
      label: t('dashboard.profile.totalTasks'),
      own: totals.total,
      others: avg(othersTotals.total),
    },
    ...(
      [
        ['done', 'done'],
        ['done_late', 'doneLate'],
        ['submitted', 'submitted'],
        ['returned', 'returned'],
        ['in_progress', 'inProgress'],
        ['overdue', 'overdue'],
        ['not_started', 'notStarted'],
      ] as const
    ).map(([status, field]) => ({
      key: status,
      label: pick(taskStatusLabels[status]),
      own: totals[field],
      others: avg(othersTotals[field]),
    })),
    {
      key: 'score',
      label: t('dashboard.profile.cumulative'),
      own: totals.score,
      others: Math.round(othersScore * 10) / 10,
    },
  ];

  return (
    <div className="dashboard">
      <Card size="small">
        <Link to={back}>← {t('dashboard.profile.back')}</Link>
        <Typography.Title level={4} style={{ margin: '8px 0 4px' }}>
          {branch.name} · {t('dashboard.profile.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{campaignName}</Typography.Text>
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          {t('dashboard.profile.summary', {
            total: totals.total,
            done: totals.done,
            late: totals.doneLate,
            submitted: totals.submitted,
            returned: totals.returned,
            overdue: totals.overdue,
            rate: percent(totals.completionRate),
            othersRate: hasOthers ? percent(othersTotals.completionRate) : '—',
            score: points(totals.score),
            max: points(totals.max),
            othersScore: hasOthers ? points(othersScore) : '—',
          })}
        </Typography.Paragraph>
      </Card>

      <Row gutter={[12, 12]}>
        {[
          {
            key: 'completion',
            title: t('dashboard.ind.completionRate'),
            value: percent(totals.completionRate),
            other: percent(othersTotals.completionRate),
          },
          {
            key: 'onTime',
            title: t('dashboard.ind.onTimeRate'),
            value: percent(totals.onTimeRate),
            other: percent(othersTotals.onTimeRate),
          },
          {
            key: 'score',
            title: t('dashboard.profile.cumulative'),
            value: `${points(totals.score)} / ${points(totals.max)}`,
            other: points(othersScore),
          },
          {
            key: 'overdue',
            title: pick(taskStatusLabels.overdue),
            value: String(totals.overdue),
            other: String(avg(othersTotals.overdue)),
          },
        ].map((k) => (
          <Col key={k.key} xs={12} lg={6}>
            <Card size="small" style={{ height: '100%' }}>
              <Statistic title={k.title} value={k.value} />
              {hasOthers && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('dashboard.profile.othersValue', { value: k.other })}
                </Typography.Text>
              )}
            </Card>
          </Col>
        ))}
      </Row>

      <FusionCard branchId={branch.id} campaignId={campaignId} />
      <BranchSignalsCard branchId={branch.id} campaignId={campaignId} />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ChartCard
            title={t('dashboard.profile.completionTrend')}
            fileName={`${fileBase}-${t('dashboard.profile.completionTrend')}`}
            option={completionOption}
            height={260}
            empty={!months.length}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            title={t('dashboard.profile.scoreTrend')}
            fileName={`${fileBase}-${t('dashboard.profile.scoreTrend')}`}
            option={scoreOption}
            height={260}
            empty={!months.length}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            title={t('dashboard.profile.kinds')}
            fileName={`${fileBase}-${t('dashboard.profile.kinds')}`}
            option={kindsOption}
            height={280}
            empty={!kinds.length}
          />
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('dashboard.profile.assessment')} style={{ height: '100%' }}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('dashboard.profile.strengths')}
            </Typography.Title>
            {strengths.length ? (
              <ul className="dashboard-sentences" aria-label={t('dashboard.profile.strengths')}>
                {strengths.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            ) : (
              <Typography.Paragraph type="secondary">
                {t('dashboard.profile.noStrengths')}
              </Typography.Paragraph>
            )}
            <Typography.Title level={5}>{t('dashboard.profile.gaps')}</Typography.Title>
            {gaps.length ? (
              <ul className="dashboard-sentences" aria-label={t('dashboard.profile.gaps')}>
                {gaps.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            ) : (
              <Typography.Paragraph type="secondary">{t('dashboard.profile.noGaps')}</Typography.Paragraph>
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={t('dashboard.profile.totals')}>
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={countRows}
              columns={[
                { key: 'label', title: t('dashboard.profile.countItem'), dataIndex: 'label' },
                {
                  key: 'own',
                  title: branch.name,
                  align: 'end',
                  render: (_, r) => points(r.own),
                },
                ...(hasOthers
                  ? [
                      {
                        key: 'others',
                        title: t('dashboard.profile.othersAvg'),
                        align: 'end' as const,
                        render: (_: unknown, r: (typeof countRows)[number]) => points(r.others),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
