import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Row, Select, Skeleton, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { actionKindLabels, type ActionKind } from '../../../common/actions';
import { useI18n } from '../../app/i18n/useI18n';
import { useSessionUser } from '../auth/auth.api';
import { seesAllBranches } from '../../../common/policies/actor';
import { canCompareCompanies, comparedCompanies } from '../../../common/policies/dashboard';
import { useStructure } from '../org/org.api';
import { CompaniesCard } from './CompaniesCard';
import { useErrorText } from '../../components/useErrorText';
import { ApiError } from '../../api/client';
import { CellDrawer } from './CellDrawer';
import { CompletionMatrix } from './CompletionMatrix';
import { PublicityChart, StudyFormsChart, TrendChart } from './DashboardCharts';
import { DueCard } from './DueCard';
import { HighlightsCard } from './HighlightsCard';
import { IndicatorCards } from './IndicatorCards';
import { MatrixPager } from './MatrixPager';
import { RankingCard } from './RankingCard';
import { RecordDrawer } from './RecordDrawer';
import { useCompanies, useDue, useIndicators, useMatrix } from './dashboard.api';
import { periodLabel } from './format';
import { matrixPageSizes, useDashboardParams } from './useDashboardParams';
import { MATRIX_PAGE_SIZE } from '../../../common/api/dashboard';
import './dashboard.css';

/** 对标看板: every branch against the standard and each other, month by month. */
export function DashboardPage() {
  const { t, pick, lang } = useI18n();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const user = useSessionUser();
  const { campaigns, options, campaign, periods, kind, from, to, page, size, q, company, update } =
    useDashboardParams();
  const structure = useStructure();
  // The company level shows once the organisation has several companies: the group committee
  // compares them and narrows to one; a company's committee sees its own against the group.
  const groupView = canCompareCompanies(user) && (structure.data?.companies.length ?? 0) > 1;
  const picksCompany = groupView && comparedCompanies(user) === 'all';
  const companyId = picksCompany ? company : undefined;
  const [openCell, setOpenCell] = useState<{ branchId: number; periodKey: string } | null>(null);
  const [openRecord, setOpenRecord] = useState<number | null>(null);

  const campaignId = campaign?.id;
  const matrix = useMatrix(campaignId, kind, { offset: (page - 1) * size, limit: size, q, companyId });
  const indicators = useIndicators(campaignId, { from, to, companyId });
  const companies = useCompanies(campaignId, { from, to }, groupView);
  const due = useDue(campaignId);
  const shown = useMemo(
    () => periods.filter((p) => (!from || p >= from) && (!to || p <= to)),
    [periods, from, to],
  );
  const profileHref = useCallback(
    (branchId: number) => `/dashboard/branches/${branchId}${campaignId ? `?campaign=${campaignId}` : ''}`,
    [campaignId],
  );
  const openBranch = useCallback(
    (branchId: number) => navigate(profileHref(branchId)),
    [navigate, profileHref],
  );
  const search = useCallback((text: string) => update({ q: text || null }), [update]);
  const turnPage = useCallback(
    (to: number, pageSize: number) =>
      update({ page: to > 1 ? to : null, size: pageSize === MATRIX_PAGE_SIZE ? null : pageSize }),
    [update],
  );
  // A bookmarked page beyond the last (fewer branches, or another search) falls back to the first.
  const pageGone = matrix.error instanceof ApiError && matrix.error.code === 'PAGE_OUT_OF_RANGE';
  useEffect(() => {
    if (pageGone) update({ page: null });
  }, [pageGone, update]);

  if (campaigns.isError) return <Alert type="error" showIcon title={errorText(campaigns.error)} />;
  if (campaigns.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (!campaign)
    return (
      <Card title={t('dashboard.title')}>
        <Typography.Paragraph>{t('dashboard.noCampaign')}</Typography.Paragraph>
      </Card>
    );

  const ownBranch =
    matrix.data?.scope === 'own' && matrix.data.branches.length === 1 ? matrix.data.branches[0] : undefined;
  const kinds = campaign.actionKinds.filter((k) => k.required);
  const statusSuffix = (s: string) =>
    s === 'closed' ? t('dashboard.campaignClosed') : s === 'draft' ? t('dashboard.campaignDraft') : '';
  const monthOptions = periods.map((p) => ({ value: p, label: periodLabel(p, lang) }));

  return (
    <div className="dashboard">
      <Card size="small" className="dashboard-filters">
        <div className="dashboard-filter-row">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('dashboard.title')}
          </Typography.Title>
          <label className="dashboard-filter">
            <span>{t('dashboard.campaign')}</span>
            <Select<number>
              value={campaign.id}
              onChange={(id) => update({ campaign: id })}
              options={options.map((c) => ({ value: c.id, label: `${c.name}${statusSuffix(c.status)}` }))}
              popupMatchSelectWidth={false}
              style={{ minWidth: 0, width: '100%' }}
            />
          </label>
          <label className="dashboard-filter">
            <span>{t('dashboard.kind')}</span>
            <Select<ActionKind | 'all'>
              value={kind ?? 'all'}
              onChange={(k) => update({ kind: k === 'all' ? null : k })}
              options={[
                { value: 'all', label: t('dashboard.allKinds') },
                ...kinds.map((k) => ({ value: k.kind, label: pick(actionKindLabels[k.kind]) })),
              ]}
              style={{ width: '100%' }}
            />
          </label>
          <div className="dashboard-filter">
            <span id="dashboard-range">{t('dashboard.range')}</span>
            <Space.Compact style={{ width: '100%' }}>
              <Select<string>
                aria-labelledby="dashboard-range"
                value={from ?? periods[0]}
                onChange={(v) =>
                  update({ from: v === periods[0] ? null : v, ...(to && v > to ? { to: v } : {}) })
                }
                options={monthOptions}
                style={{ width: '50%' }}
              />
              <Select<string>
                aria-label={t('dashboard.rangeTo')}
                value={to ?? periods.at(-1)}
                onChange={(v) =>
                  update({ to: v === periods.at(-1) ? null : v, ...(from && v < from ? { from: v } : {}) })
                }
                options={monthOptions}
                style={{ width: '50%' }}
              />
            </Space.Compact>
          </div>
          {picksCompany && (
            <label className="dashboard-filter">
              <span>{t('dashboard.companies.filter')}</span>
              <Select<number>
                value={companyId ?? 0}
                onChange={(id) => update({ company: id || null })}
                options={[
                  { value: 0, label: t('dashboard.companies.all') },
                  ...(structure.data?.companies ?? []).map((c) => ({ value: c.id, label: c.name })),
                ]}
                popupMatchSelectWidth={false}
                style={{ minWidth: 0, width: '100%' }}
              />
            </label>
          )}
          {ownBranch && !seesAllBranches(user) && (
            <Button onClick={() => openBranch(ownBranch.id)}>{t('dashboard.profile.ownLink')}</Button>
          )}
        </div>
        {matrix.data?.scope === 'own' && (
          <Alert type="info" showIcon title={t('dashboard.scopeOwn')} style={{ marginTop: 12 }} />
        )}
      </Card>

      {groupView && (
        <CompaniesCard
          companies={companies}
          current={companyId}
          onOpen={picksCompany ? (id) => update({ company: id }) : undefined}
        />
      )}

      {indicators.isError && <Alert type="error" showIcon title={errorText(indicators.error)} />}
      {indicators.data ? (
        <>
          <IndicatorCards data={indicators.data} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dashboard.ind.note')}
          </Typography.Text>
        </>
      ) : (
        !indicators.isError && <Skeleton active />
      )}

      {matrix.isError && !pageGone && <Alert type="error" showIcon title={errorText(matrix.error)} />}
      {matrix.data ? (
        <CompletionMatrix
          matrix={matrix.data}
          periods={shown}
          profileHref={profileHref}
          onOpenCell={setOpenCell}
          onOpenBranch={openBranch}
          toolbar={
            // Five branches need neither search nor pages; a group of companies needs both.
            (q || matrix.data.paging.total > matrixPageSizes[0]) && (
              <MatrixPager
                paging={matrix.data.paging}
                shown={matrix.data.branches.length}
                q={q}
                onSearch={search}
                onPage={turnPage}
              />
            )
          }
          emptyText={q && !matrix.data.paging.total ? t('dashboard.matrix.noMatch', { q }) : undefined}
        />
      ) : (
        !matrix.isError && (
          <Card>
            <Skeleton active />
          </Card>
        )
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <RankingCard
            key={campaign.id}
            campaignId={campaign.id}
            periods={periods}
            defaultPeriod={shown.at(-1)}
            profileHref={profileHref}
            companyId={companyId}
          />
        </Col>
        <Col xs={24} xl={12}>
          {indicators.data && <TrendChart trend={indicators.data.trend} campaignName={campaign.name} />}
        </Col>
        {indicators.data && (
          <>
            <Col xs={24} md={12} xl={8}>
              <StudyFormsChart data={indicators.data} campaignName={campaign.name} />
            </Col>
            <Col xs={24} md={12} xl={8}>
              <PublicityChart data={indicators.data} campaignName={campaign.name} />
            </Col>
            <Col xs={24} xl={8}>
              <HighlightsCard
                items={indicators.data.highlights}
                count={indicators.data.highlightCount}
                onOpen={setOpenRecord}
              />
            </Col>
          </>
        )}
        {due.isError && (
          <Col span={24}>
            <Alert type="error" showIcon title={errorText(due.error)} />
          </Col>
        )}
        {due.data && (
          <>
            <Col xs={24} lg={12}>
              <DueCard
                title="dashboard.due.soonTitle"
                empty="dashboard.due.emptySoon"
                tasks={due.data.dueSoon}
                onOpen={(task) => setOpenCell({ branchId: task.branchId, periodKey: task.periodKey })}
              />
            </Col>
            <Col xs={24} lg={12}>
              <DueCard
                title="dashboard.due.overdueTitle"
                empty="dashboard.due.emptyOverdue"
                tasks={due.data.overdue}
                overdue
                onOpen={(task) => setOpenCell({ branchId: task.branchId, periodKey: task.periodKey })}
              />
            </Col>
          </>
        )}
      </Row>

      <CellDrawer campaign={campaign} at={openCell} onClose={() => setOpenCell(null)} />
      <RecordDrawer id={openRecord} onClose={() => setOpenRecord(null)} scoring={campaign.scoring} />
    </div>
  );
}
