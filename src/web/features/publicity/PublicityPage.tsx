import { useState } from 'react';
import { Alert, Card, Col, DatePicker, Empty, List, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { actionKindLabels, publicityKindLabels } from '../../../common/actions';
import { usePublicity, type PublicityFilter, type PublicityItem } from './publicity.api';
import { useChannelLabel, useChannelOptions } from '../records/channels';
import { RecordStatusTag } from '../records/StatusTags';
import { periodLabel } from '../records/labels';
import { useStructure } from '../org/org.api';
import { useSessionUser } from '../auth/auth.api';
import { branchReadScope } from '../../../common/policies/actor';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';
import dayjs from 'dayjs';

const PAGE_SIZE = 20;
const isUrl = (s: string) => /^https?:\/\//i.test(s);
const recordLink = (id: number) => `/workbench/records/${id}`;

function Release({ c }: { c: PublicityItem['channels'][number] }) {
  const { t } = useI18n();
  const label = useChannelLabel();
  const reach = [
    c.views !== null ? t('publicity.views', { n: c.views }) : null,
    c.likes !== null ? t('publicity.likes', { n: c.likes }) : null,
  ].filter(Boolean);
  return (
    <div style={{ overflowWrap: 'anywhere' }}>
      <Tag color="red" style={{ marginInlineEnd: 6 }}>
        {label(c.channel)}
      </Tag>
      <Typography.Text>{c.publishedOn}</Typography.Text>
      {' · '}
      {!c.link ? (
        <Typography.Text type="warning">{t('publicity.noLink')}</Typography.Text>
      ) : isUrl(c.link) ? (
        <Typography.Link href={c.link} target="_blank" rel="noopener noreferrer" underline>
          {c.link}
        </Typography.Link>
      ) : (
        <Typography.Text>{t('publicity.issue', { no: c.link })}</Typography.Text>
      )}
      {reach.length > 0 && (
        <Typography.Text type="secondary" data-testid="reach">
          {' · '}
          {reach.join(' · ')}({t('publicity.notScored')})
        </Typography.Text>
      )}
    </div>
  );
}

function PublicityEntry({ item }: { item: PublicityItem }) {
  const { t, pick, lang } = useI18n();
  const colon = lang === 'zh' ? ':' : ': ';
  return (
    <div style={{ minWidth: 0, width: '100%' }} data-testid="publicity-item">
      <Space wrap size={4} style={{ marginBottom: 4 }}>
        <Link to={recordLink(item.recordId)} style={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
          {item.title}
        </Link>
        {item.kind && <Tag>{pick(publicityKindLabels[item.kind])}</Tag>}
        <RecordStatusTag status={item.status} />
      </Space>
      <div>
        <Typography.Text type="secondary">
          {[
            item.branchName,
            item.author ? t('publicity.author', { name: item.author }) : null,
            item.channels.length && item.periodKey
              ? t('publicity.countsIn', { period: periodLabel(item.periodKey, lang) })
              : null,
          ]
            .filter(Boolean)
            .map((part, i) => (
              // Each part wraps whole on a phone, never mid-date.
              <span key={i} style={{ whiteSpace: 'nowrap' }}>
                {i > 0 && ' · '}
                {part}
              </span>
            ))}
        </Typography.Text>
      </div>
      <div style={{ marginTop: 6 }}>
        {item.channels.length ? (
          item.channels.map((c, i) => <Release key={i} c={c} />)
        ) : (
          <Typography.Text type="secondary">{t('publicity.notReleased')}</Typography.Text>
        )}
      </div>
      {item.related.length > 0 && (
        <div style={{ marginTop: 6 }}>
          <Typography.Text type="secondary">
            {t('publicity.related')}
            {colon}
          </Typography.Text>
          {item.related.map((r) => (
            <Tag key={r.recordId} style={{ marginTop: 4, whiteSpace: 'normal' }}>
              <Link to={recordLink(r.recordId)}>
                {pick(actionKindLabels[r.kind])} · {r.title}
              </Link>
            </Tag>
          ))}
        </div>
      )}
      {item.highlights && (
        <Typography.Paragraph
          type="secondary"
          ellipsis={{ rows: 2, expandable: true, symbol: '…' }}
          style={{ marginTop: 6, marginBottom: 0 }}
        >
          {t('publicity.highlights')}
          {colon}
          {item.highlights}
        </Typography.Paragraph>
      )}
    </div>
  );
}

/** /publicity — the publicity register (新闻宣传台账), by month, channel and branch. */
export function PublicityPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const user = useSessionUser();
  const structure = useStructure();
  const label = useChannelLabel();
  const channelOptions = useChannelOptions([]);
  const [filter, setFilter] = useState<PublicityFilter>({});
  const list = usePublicity(filter);
  const change = (patch: Partial<PublicityFilter>) => setFilter((f) => ({ ...f, ...patch }));
  // The group's committee picks any branch, a company's its company's; a secretary own ones.
  const readable = branchReadScope(user);
  const branches = (structure.data?.branches ?? []).filter(
    (b) => readable === 'all' || readable.includes(b.id),
  );
  const items = list.data?.items ?? [];
  const perChannel = new Map<string, number>();
  for (const i of items)
    for (const c of i.channels)
      if (!filter.channel || c.channel === filter.channel)
        perChannel.set(c.channel, (perChannel.get(c.channel) ?? 0) + 1);

  return (
    <Card title={t('publicity.title')}>
      <Typography.Paragraph type="secondary">{t('publicity.intro')}</Typography.Paragraph>
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={12} sm={8}>
          <DatePicker
            picker="month"
            style={{ width: '100%' }}
            placeholder={t('publicity.month')}
            aria-label={t('publicity.month')}
            value={filter.month ? dayjs(`${filter.month}-01`) : null}
            onChange={(d) => change({ month: d ? d.format('YYYY-MM') : undefined })}
          />
        </Col>
        <Col xs={12} sm={8}>
          <Select<string>
            allowClear
            style={{ width: '100%' }}
            placeholder={t('publicity.channel')}
            aria-label={t('publicity.channel')}
            value={filter.channel}
            onChange={(channel) => change({ channel })}
            options={channelOptions}
            // Not virtual: its hidden options would read the codes (website, wechat…) aloud.
            virtual={false}
          />
        </Col>
        {branches.length > 1 && (
          <Col xs={24} sm={8}>
            <Select<number>
              allowClear
              style={{ width: '100%' }}
              placeholder={t('publicity.branch')}
              aria-label={t('publicity.branch')}
              value={filter.branchId}
              onChange={(branchId) => change({ branchId })}
              options={branches.map((b) => ({ value: b.id, label: b.name }))}
            />
          </Col>
        )}
      </Row>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} />}
      {list.isPending ? (
        <Spin />
      ) : (
        <>
          <Space wrap size={[8, 4]} style={{ marginBottom: 8 }} data-testid="publicity-summary">
            <Typography.Text strong>{t('publicity.count', { n: items.length })}</Typography.Text>
            {[...perChannel].map(([code, n]) => (
              <Tag key={code}>{t('publicity.byChannel', { channel: label(code), n })}</Tag>
            ))}
          </Space>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('publicity.reachNote')}
          </Typography.Paragraph>
          {items.length ? (
            <List
              dataSource={items}
              rowKey="recordId"
              pagination={
                items.length > PAGE_SIZE
                  ? { pageSize: PAGE_SIZE, size: 'small', showSizeChanger: false }
                  : false
              }
              renderItem={(item) => (
                <List.Item>
                  <PublicityEntry item={item} />
                </List.Item>
              )}
            />
          ) : (
            <Empty description={t('publicity.empty')} />
          )}
        </>
      )}
    </Card>
  );
}
