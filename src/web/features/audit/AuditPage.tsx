import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Input, Row, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useAudit, type AuditEntry, type AuditFilter } from './audit.api';
import { auditActionLabel, auditEntityLabels, knownAuditActions } from './auditLabels';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';

const PAGE_SIZE = 30;

/** Values are shown as JSON text in a <pre>: whatever a user typed is never rendered as markup. */
function JsonBlock({ label, value }: { label: string; value: unknown }) {
  const { t } = useI18n();
  return (
    <div style={{ minWidth: 0 }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <pre className="json-block">
        {value === null || value === undefined ? t('audit.noDetail') : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

export function AuditPage() {
  const { t, pick } = useI18n();
  const errorText = useErrorText();
  const [filter, setFilter] = useState<AuditFilter>({ limit: PAGE_SIZE, offset: 0 });
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const audit = useAudit(filter);
  const change = (patch: Partial<AuditFilter>) => setFilter((f) => ({ ...f, ...patch, offset: 0 }));
  const entityLabel = (type: string) => {
    const label = auditEntityLabels[type];
    return label ? pick(label) : type;
  };

  return (
    <Card title={t('audit.title')}>
      <Typography.Paragraph type="secondary">{t('audit.intro')}</Typography.Paragraph>
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} sm={12} lg={4}>
          <Select<string>
            allowClear
            style={{ width: '100%' }}
            placeholder={t('audit.entityType')}
            aria-label={t('audit.entityType')}
            value={filter.entityType}
            onChange={(entityType) => change({ entityType })}
            options={Object.keys(auditEntityLabels).map((type) => ({
              value: type,
              label: entityLabel(type),
            }))}
          />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: '100%' }}
            placeholder={t('audit.action')}
            aria-label={t('audit.action')}
            value={filter.action}
            onChange={(action) => change({ action })}
            options={knownAuditActions.map((a) => ({ value: a, label: auditActionLabel(a, pick) }))}
          />
        </Col>
        <Col xs={24} sm={12} lg={7}>
          <DatePicker.RangePicker
            style={{ width: '100%' }}
            value={range}
            allowEmpty={[true, true]}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={(value) => {
              setRange(value);
              change({ from: value?.[0]?.format('YYYY-MM-DD'), to: value?.[1]?.format('YYYY-MM-DD') });
            }}
          />
        </Col>
        <Col xs={12} sm={6} lg={4}>
          <Input.Search
            allowClear
            placeholder={t('audit.entityId')}
            aria-label={t('audit.entityId')}
            maxLength={40}
            onSearch={(entityId) => change({ entityId: entityId.trim() || undefined })}
          />
        </Col>
        <Col xs={12} sm={6} lg={3}>
          <Button
            block
            onClick={() => {
              setRange(null);
              setFilter({ limit: PAGE_SIZE, offset: 0 });
            }}
          >
            {t('audit.reset')}
          </Button>
        </Col>
      </Row>
      {audit.isError && (
        <Alert type="error" showIcon title={errorText(audit.error)} style={{ marginBottom: 12 }} />
      )}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={audit.isFetching}
        scroll={{ x: 'max-content' }}
        dataSource={audit.data?.items ?? []}
        expandable={{
          rowExpandable: (e) => e.before !== null || e.after !== null,
          expandedRowRender: (e) => (
            <Row gutter={[12, 12]}>
              <Col xs={24} md={12}>
                <JsonBlock label={t('audit.before')} value={e.before} />
              </Col>
              <Col xs={24} md={12}>
                <JsonBlock label={t('audit.after')} value={e.after} />
              </Col>
            </Row>
          ),
        }}
        pagination={{
          current: filter.offset / PAGE_SIZE + 1,
          pageSize: PAGE_SIZE,
          total: audit.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page) => setFilter((f) => ({ ...f, offset: (page - 1) * PAGE_SIZE })),
        }}
        columns={[
          { key: 'at', title: t('audit.at'), render: (_, e) => dayjs(e.at).format('YYYY-MM-DD HH:mm:ss') },
          { key: 'actor', title: t('audit.actor'), render: (_, e) => e.actorName ?? t('audit.system') },
          {
            key: 'action',
            title: t('audit.action'),
            render: (_, e) => <span title={e.action}>{auditActionLabel(e.action, pick)}</span>,
          },
          { key: 'entityType', title: t('audit.entityType'), render: (_, e) => entityLabel(e.entityType) },
          { key: 'entityId', title: t('audit.entityId'), dataIndex: 'entityId' },
          { key: 'ip', title: t('audit.ip'), dataIndex: 'ip' },
        ]}
      />
    </Card>
  );
}
