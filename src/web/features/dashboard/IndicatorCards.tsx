import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { MessageKey } from '../../app/i18n/types';
import { useI18n } from '../../app/i18n/useI18n';
import type { Indicators } from './dashboard.api';
import { percent, points } from './format';

interface Kpi {
  key: string;
  title: MessageKey;
  value: string;
  suffix?: string;
  help: string;
}

/** The headline figures of the chosen months: rates against the standard, counts of real work. */
export function IndicatorCards({ data }: { data: Indicators }) {
  const { t } = useI18n();
  const { tasks, attendance } = data;
  const releases = Object.values(data.publicityByChannel).reduce((s, n) => s + n, 0);
  const items = t('dashboard.ind.unitItems');
  const kpis: Kpi[] = [
    {
      key: 'completion',
      title: 'dashboard.ind.completionRate',
      value: percent(tasks.completionRate),
      help: t('dashboard.ind.completionHelp', {
        done: tasks.done + tasks.doneLate,
        late: tasks.doneLate,
        overdue: tasks.overdue,
      }),
    },
    {
      key: 'onTime',
      title: 'dashboard.ind.onTimeRate',
      value: percent(tasks.onTimeRate),
      help: t('dashboard.ind.onTimeHelp', { done: tasks.done, late: tasks.doneLate }),
    },
    {
      key: 'attendance',
      title: 'dashboard.ind.attendanceRate',
      value: percent(attendance.rate),
      help: t('dashboard.ind.attendanceHelp', {
        expected: attendance.expected,
        present: attendance.present,
        leave: attendance.leave,
      }),
    },
    {
      key: 'score',
      title: 'dashboard.ind.score',
      value: points(tasks.score),
      help: t('dashboard.ind.scoreHelp', { max: points(tasks.max) }),
    },
    {
      key: 'rules',
      title: 'dashboard.ind.rulesRevised',
      value: String(data.rulesRevised),
      suffix: items,
      help: t('dashboard.ind.approvedHelp'),
    },
    {
      key: 'problems',
      title: 'dashboard.ind.problemsSolved',
      value: String(data.problemsSolved),
      suffix: items,
      help: t('dashboard.ind.approvedHelp'),
    },
    {
      key: 'publicity',
      title: 'dashboard.ind.publicity',
      value: String(data.approvedByKind.publicity ?? 0),
      suffix: t('dashboard.ind.unitPieces'),
      help: t('dashboard.ind.publicityHelp', { n: releases }),
    },
    {
      key: 'optional',
      title: 'dashboard.ind.optional',
      value: String(data.optionalActions),
      suffix: items,
      help: t('dashboard.ind.approvedHelp'),
    },
  ];
  return (
    <Row gutter={[12, 12]}>
      {kpis.map((k) => (
        <Col key={k.key} xs={12} md={8} xl={6} xxl={3}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={t(k.title)} value={k.value} suffix={k.suffix || undefined} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {k.help}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
