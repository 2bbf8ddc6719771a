import { Card, Col, List, Row, Statistic, Table, Typography } from 'antd';
import type { FusionFigures as Figures } from '../../../common/api/fusion';
import { indicatorDirectionLabels } from '../../../common/record-fields/effect';
import { useI18n } from '../../app/i18n/useI18n';

const withUnit = (n: number, unit: string) => `${n}${unit ? ` ${unit}` : ''}`;

/** The 融合成效 figures: headline counts, improvements by indicator, problems before / after and rechecks. */
export function FusionFigures({ f, showBranches }: { f: Figures; showBranches: boolean }) {
  const { t, pick } = useI18n();
  const p = f.problems;
  const none = <Typography.Text type="secondary">{t('fusion.none')}</Typography.Text>;
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('fusion.revisionsMet')} value={f.revisions.met} />
            <Typography.Text type="secondary">
              {t('fusion.revisionsMetOf', { measured: f.revisions.measured, notMet: f.revisions.notMet })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('fusion.stayedSolved')} value={p.stayedSolved} />
            <Typography.Text type="secondary">
              {t('fusion.stayedSolvedOf', { confirmed: p.confirmed })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('fusion.cameBack')} value={p.cameBack} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('fusion.waiting')} value={p.months3.waiting + p.months6.waiting} />
          </Card>
        </Col>
      </Row>

      <Card size="small" title={t('fusion.byIndicator')} style={{ marginBottom: 12 }}>
        <Table
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowKey={(g) => `${g.name}|${g.unit}|${g.direction}`}
          dataSource={f.byIndicator}
          columns={[
            { title: t('fusion.indicator'), render: (_, g) => `${g.name}${g.unit ? `(${g.unit})` : ''}` },
            { title: t('fusion.direction'), render: (_, g) => pick(indicatorDirectionLabels[g.direction]) },
            { title: t('fusion.revisions'), render: (_, g) => `${g.revisions}(${g.met})` },
            {
              title: t('fusion.baselineToMeasured'),
              render: (_, g) => `${g.baseline} → ${withUnit(g.measured, g.unit)}`,
            },
            { title: t('fusion.improvement'), render: (_, g) => <b>{withUnit(g.improvement, g.unit)}</b> },
          ]}
        />
      </Card>

      <Card size="small" title={t('fusion.reached')} style={{ marginBottom: 12 }}>
        {f.reached.length ? (
          <List
            size="small"
            dataSource={f.reached}
            renderItem={(r) => (
              <List.Item>
                <div>
                  <Typography.Text strong>
                    {r.branchName} · {r.title}
                  </Typography.Text>
                  <div>
                    {t('fusion.reachedLine', {
                      indicator: r.indicator.name,
                      baseline: r.indicator.baseline,
                      measured: r.measured,
                      target: r.indicator.target,
                      unit: r.indicator.unit ? ` ${r.indicator.unit}` : '',
                    })}
                  </div>
                </div>
              </List.Item>
            )}
          />
        ) : (
          none
        )}
      </Card>

      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('fusion.rechecks')}>
            <Table
              size="small"
              pagination={false}
              rowKey="months"
              dataSource={[
                { months: 3, ...p.months3 },
                { months: 6, ...p.months6 },
              ]}
              columns={[
                { title: '', render: (_, r) => t('fusion.recheckAt', { months: r.months }) },
                { title: t('fusion.checked'), dataIndex: 'checked' },
                { title: t('fusion.stayed'), dataIndex: 'stayed' },
                { title: t('fusion.back'), dataIndex: 'cameBack' },
                { title: t('fusion.due'), dataIndex: 'waiting' },
              ]}
            />
            {f.cameBack.length > 0 && (
              <>
                <Typography.Title level={5} style={{ marginTop: 12 }}>
                  {t('fusion.cameBackList')}
                </Typography.Title>
                {f.cameBack.map((c) => (
                  <Typography.Paragraph key={c.problemId} style={{ marginBottom: 4 }}>
                    {t('fusion.cameBackLine', {
                      branch: c.branchName,
                      title: c.title,
                      months: c.months,
                      note: c.note,
                    })}
                  </Typography.Paragraph>
                ))}
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('fusion.problemMeasures')}>
            <Table
              size="small"
              pagination={false}
              rowKey={(g) => `${g.name}|${g.unit}`}
              dataSource={f.problemMeasures}
              columns={[
                { title: t('fusion.measure'), render: (_, g) => `${g.name}${g.unit ? `(${g.unit})` : ''}` },
                { title: t('fusion.problems'), dataIndex: 'problems' },
                {
                  title: t('fusion.beforeAfter'),
                  render: (_, g) => `${g.before} → ${withUnit(g.after, g.unit)}`,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>

      {showBranches && (
        <Card size="small" title={t('fusion.byBranch')}>
          <Table
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            rowKey="branchId"
            dataSource={f.branches}
            columns={[
              { title: t('fusion.branch'), dataIndex: 'branchName' },
              {
                title: t('fusion.revisionsMet'),
                render: (_, b) => `${b.revisionsMet}/${b.revisionsMeasured}`,
              },
              {
                title: t('fusion.stayedSolved'),
                render: (_, b) => `${b.stayedSolved}/${b.problemsConfirmed}`,
              },
              { title: t('fusion.cameBack'), dataIndex: 'cameBack' },
            ]}
          />
        </Card>
      )}
    </>
  );
}
