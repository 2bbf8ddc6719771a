import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Popconfirm,
  Row,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import { useCases, useMarkExemplary, type Case } from './cases.api';
import { EvidenceGallery } from '../records/EvidenceGallery';
import { periodLabel } from '../records/labels';
import { useStructure } from '../org/org.api';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';

function CaseCard({ item }: { item: Case }) {
  const { t, lang } = useI18n();
  const colon = lang === 'zh' ? ':' : ': ';
  const { message } = App.useApp();
  const errorText = useErrorText();
  const mark = useMarkExemplary();
  // The record itself stays with its branch (and the committee); others read the case here.
  const opensRecord = item.can.openRecord;
  const month = periodLabel(item.periodKey ?? item.occurredOn.slice(0, 7), lang);
  return (
    <Card
      size="small"
      data-testid="case-card"
      title={
        <span style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
          {opensRecord ? <Link to={`/workbench/records/${item.recordId}`}>{item.title}</Link> : item.title}
        </span>
      }
      extra={
        item.can.unmark && (
          <Popconfirm
            title={t('cases.unmarkConfirm')}
            onConfirm={() =>
              mark.mutate(
                { recordId: item.recordId, exemplary: false },
                {
                  onSuccess: () => void message.success(t('cases.done')),
                  onError: (e) => void message.error(errorText(e)),
                },
              )
            }
          >
            <Button size="small" loading={mark.isPending}>
              {t('cases.unmark')}
            </Button>
          </Popconfirm>
        )
      }
    >
      <Space orientation="vertical" size={8} style={{ width: '100%', overflowWrap: 'anywhere' }}>
        <Typography.Text type="secondary">
          {[item.branchName, month, item.category].filter(Boolean).join(' · ')}
        </Typography.Text>
        {item.tags.length > 0 && (
          <Space wrap size={4}>
            {item.tags.map((tag) => (
              <Tag key={tag} color="red">
                {tag}
              </Tag>
            ))}
          </Space>
        )}
        {item.novelty && (
          <div>
            <Typography.Text strong>
              {t('cases.novelty')}
              {colon}
            </Typography.Text>
            <span style={{ whiteSpace: 'pre-wrap' }}>{item.novelty}</span>
          </div>
        )}
        <Typography.Paragraph
          ellipsis={{ rows: 3, expandable: true, symbol: '…' }}
          style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}
        >
          <Typography.Text strong>
            {t('cases.description')}
            {colon}
          </Typography.Text>
          {item.description}
        </Typography.Paragraph>
        {item.note && (
          <Alert
            type="success"
            title={`${t('cases.note')}${colon}${item.note}`}
            style={{ padding: '4px 12px' }}
          />
        )}
        {item.evidence.length > 0 && <EvidenceGallery items={item.evidence} />}
      </Space>
    </Card>
  );
}

/** /cases — the exemplary cases every branch may browse, by month, branch and tag. */
export function CasesPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const structure = useStructure();
  // The month is asked of the server; branch and tag narrow the month's few cases in place.
  const [periodKey, setPeriodKey] = useState<string>();
  const cases = useCases({ periodKey });
  const [branchId, setBranchId] = useState<number>();
  const [tag, setTag] = useState<string>();
  const all = cases.data?.items ?? [];
  // Branch names come from the organisation, so a chosen branch keeps its name in a month without its cases.
  const branches = (structure.data?.branches ?? []).filter((b) => b.active);
  const tags = [...new Set([...all.flatMap((c) => c.tags), ...(tag ? [tag] : [])])];
  const items = all.filter((c) => (!branchId || c.branchId === branchId) && (!tag || c.tags.includes(tag)));

  return (
    <Card title={t('cases.title')}>
      <Typography.Paragraph type="secondary">{t('cases.intro')}</Typography.Paragraph>
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={12} sm={8}>
          <DatePicker
            picker="month"
            style={{ width: '100%' }}
            placeholder={t('cases.month')}
            aria-label={t('cases.month')}
            value={periodKey ? dayjs(`${periodKey}-01`) : null}
            onChange={(d) => setPeriodKey(d ? d.format('YYYY-MM') : undefined)}
          />
        </Col>
        <Col xs={12} sm={8}>
          <Select<number>
            allowClear
            style={{ width: '100%' }}
            placeholder={t('cases.branch')}
            aria-label={t('cases.branch')}
            value={branchId}
            onChange={setBranchId}
            options={branches.map((b) => ({ value: b.id, label: b.name }))}
          />
        </Col>
        <Col xs={12} sm={8}>
          <Select<string>
            allowClear
            style={{ width: '100%' }}
            placeholder={t('cases.tag')}
            aria-label={t('cases.tag')}
            value={tag}
            onChange={setTag}
            options={tags.map((x) => ({ value: x, label: x }))}
          />
        </Col>
      </Row>
      {cases.isError && <Alert type="error" showIcon title={errorText(cases.error)} />}
      {cases.isPending ? (
        <Spin />
      ) : items.length ? (
        <Row gutter={[16, 16]}>
          {items.map((c) => (
            <Col key={c.recordId} xs={24} lg={12}>
              <CaseCard item={c} />
            </Col>
          ))}
        </Row>
      ) : (
        <Empty description={t('cases.empty')} />
      )}
    </Card>
  );
}
