import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Grid,
  Input,
  Radio,
  Skeleton,
  Switch,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import {
  actionKindLabels,
  meetingModeLabels,
  publicityChannelLabels,
  publicityKindLabels,
  studyFormLabels,
  themeDayActivityLabels,
  themeDayThemeLabels,
} from '../../../common/actions';
import type { ScoringRules } from '../../../common/api/campaigns';
import type { RecordDetail } from '../../../common/api/records';
import type { Bilingual, MessageKey } from '../../app/i18n/types';
import { useI18n } from '../../app/i18n/useI18n';
import { useSessionUser } from '../auth/auth.api';
import { canReview } from '../../../common/policies/records';
import { useErrorText } from '../../components/useErrorText';
import { qualities, useGradeRecord, useRecordDetail, type Quality } from './dashboard.api';
import { percent, periodLabel } from './format';
import { LateTag, RecordTag } from './Tags';
import { ReviewTrail } from '../records/ReviewTrail';

interface Props {
  id: number | null;
  onClose: () => void;
  scoring: ScoringRules;
}

/** One record opened from the matrix: what was done, its evidence and reviews; the committee grades it. */
export function RecordDrawer({ id, onClose, scoring }: Props) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const user = useSessionUser();
  const wide = Grid.useBreakpoint().sm ?? true;
  const record = useRecordDetail(id);
  const detail = record.data && record.data.id === id ? record.data : undefined;

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={wide ? 560 : '100%'}
      title={detail?.title ?? t('dashboard.record.title')}
      extra={detail && <Link to={`/workbench/records/${detail.id}`}>{t('dashboard.record.openFull')}</Link>}
      destroyOnHidden
    >
      {record.isError && <Alert type="error" showIcon title={errorText(record.error)} />}
      {!detail && !record.isError && <Skeleton active />}
      {detail && (
        <>
          <RecordFacts record={detail} />
          {/* The committee, who grades, sees why a record not yet approved has no grade form. */}
          {canReview(user, detail.branchId) && (
            <div style={{ marginTop: 16 }}>
              <h4 style={{ margin: '0 0 8px' }}>{t('dashboard.grade.title')}</h4>
              {detail.can.grade ? (
                <GradeForm key={`${detail.id}-${detail.version}`} record={detail} scoring={scoring} />
              ) : (
                <Alert type="info" showIcon title={t('dashboard.grade.onlyApproved')} />
              )}
            </div>
          )}
        </>
      )}
    </Drawer>
  );
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);

function labelOf<T extends string>(
  labels: Record<T, Bilingual>,
  value: unknown,
  pick: (b: Bilingual) => string,
) {
  return typeof value === 'string' && value in labels ? pick(labels[value as T]) : undefined;
}

/** The few fields of each kind that say what the record is about. */
function kindFields(
  record: RecordDetail,
  pick: (b: Bilingual) => string,
): [MessageKey, string | undefined][] {
  const d = record.data;
  switch (record.kind) {
    case 'study':
      return [
        ['dashboard.record.topic', str(d.topic)],
        ['dashboard.record.form', labelOf(studyFormLabels, d.form, pick)],
        ['dashboard.record.mode', labelOf(meetingModeLabels, d.mode, pick)],
      ];
    case 'theme_day':
      return [
        ['dashboard.record.theme', labelOf(themeDayThemeLabels, d.theme, pick)],
        ['dashboard.record.activity', labelOf(themeDayActivityLabels, d.activity, pick)],
        ['dashboard.record.place', str(d.place)],
      ];
    case 'rule_revision':
      return [
        ['dashboard.record.ruleTitle', str(d.ruleTitle)],
        ['dashboard.record.publishedOn', str(d.publishedOn)],
        ['dashboard.record.documentNo', str(d.documentNo)],
      ];
    case 'grassroots_problem':
      return [
        ['dashboard.record.description', str(d.description)],
        ['dashboard.record.resolvedOn', str(d.resolvedOn)],
        ['dashboard.record.outcome', str(d.outcome)],
      ];
    case 'publicity': {
      const channels = Array.isArray(d.channels) ? (d.channels as { channel?: unknown }[]) : [];
      const names = channels.map((c) => labelOf(publicityChannelLabels, c.channel, pick)).filter(Boolean);
      return [
        ['dashboard.record.pubKind', labelOf(publicityKindLabels, d.kind, pick)],
        ['dashboard.record.channels', names.length ? names.join('、') : undefined],
      ];
    }
    case 'optional':
      return [
        ['dashboard.record.category', str(d.category)],
        ['dashboard.record.description', str(d.description)],
      ];
  }
}

function RecordFacts({ record }: { record: RecordDetail }) {
  const { t, pick, lang } = useI18n();
  const a = record.attendanceSummary;
  const items = [
    { key: 'kind', label: t('dashboard.record.kind'), children: pick(actionKindLabels[record.kind]) },
    { key: 'branch', label: t('dashboard.record.branch'), children: record.branchName },
    {
      key: 'status',
      label: t('dashboard.record.status'),
      children: (
        <>
          <RecordTag status={record.status} />
          {record.submittedLate && <LateTag />}
          {record.quality && <Tag color="gold">{t(`dashboard.grade.${record.quality}`)}</Tag>}
          {record.highlight && <Tag color="red">{t('dashboard.grade.highlightYes')}</Tag>}
        </>
      ),
    },
    { key: 'occurred', label: t('dashboard.record.occurredOn'), children: record.occurredOn },
    {
      key: 'period',
      label: t('dashboard.record.period'),
      children: record.periodKey ? periodLabel(record.periodKey, lang) : '—',
    },
    ...kindFields(record, pick)
      .filter((f): f is [MessageKey, string] => f[1] !== undefined)
      .map(([key, value]) => ({
        key,
        label: t(key),
        children: <span className="dashboard-prewrap">{value}</span>,
      })),
    {
      key: 'submitted',
      label: t('dashboard.record.submittedAt'),
      children: record.submittedAt ? dayjs(record.submittedAt).format('YYYY-MM-DD HH:mm') : '—',
    },
    { key: 'due', label: t('dashboard.record.dueDate'), children: record.dueDate ?? '—' },
    { key: 'by', label: t('dashboard.record.createdBy'), children: record.createdBy ?? '—' },
    ...(a.expected > 0
      ? [
          {
            key: 'attendance',
            label: t('dashboard.record.attendance'),
            children: t('dashboard.record.attendanceLine', { ...a, rate: percent(a.rate) }),
          },
        ]
      : []),
    {
      key: 'evidence',
      label: t('dashboard.record.evidence'),
      children: record.evidence.length
        ? record.evidence.map((e) => e.caption || e.originalName).join('、')
        : t('dashboard.record.noEvidence'),
    },
    ...(record.reviews.length
      ? [
          {
            key: 'reviews',
            label: t('dashboard.record.reviews'),
            // The same trail as on the record's page: each comment, and a grade with the effect it cited.
            children: <ReviewTrail record={record} />,
          },
        ]
      : []),
    ...(record.highlight && record.highlightNote
      ? [{ key: 'note', label: t('dashboard.grade.note'), children: record.highlightNote }]
      : []),
  ];
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      items={items}
      styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}
    />
  );
}

interface GradeValues {
  quality: Quality | 'none';
  highlight: boolean;
  highlightNote?: string;
}

function GradeForm({ record, scoring }: { record: RecordDetail; scoring: ScoringRules }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const grade = useGradeRecord(record.id);
  const [form] = Form.useForm<GradeValues>();
  const highlight = Form.useWatch('highlight', form);
  const q = scoring.qualityAdjust;
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

  const submit = (values: GradeValues) =>
    grade.mutate(
      {
        quality: values.quality === 'none' ? null : values.quality,
        highlight: values.highlight,
        highlightNote: values.highlight ? values.highlightNote?.trim() || undefined : undefined,
      },
      {
        onSuccess: () => void message.success(t('dashboard.grade.saved')),
        onError: (error) => void message.error(errorText(error)),
      },
    );

  return (
    <Form<GradeValues>
      form={form}
      layout="vertical"
      initialValues={{
        quality: record.quality ?? 'none',
        highlight: record.highlight,
        highlightNote: record.highlightNote ?? '',
      }}
      onFinish={submit}
    >
      <Form.Item name="quality" label={t('dashboard.grade.quality')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'none', label: t('dashboard.grade.none') },
            ...qualities.map((v) => ({ value: v, label: t(`dashboard.grade.${v}`) })),
          ]}
        />
      </Form.Item>
      <Form.Item name="highlight" label={t('dashboard.grade.highlight')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {highlight && (
        <Form.Item name="highlightNote" label={t('dashboard.grade.note')}>
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      )}
      <p style={{ color: 'rgba(0, 0, 0, 0.62)', fontSize: 12 }}>
        {t('dashboard.grade.rules', {
          excellent: signed(q.excellent),
          good: signed(q.good),
          fair: signed(q.fair),
          poor: signed(q.poor),
          bonus: scoring.highlightBonus,
        })}
      </p>
      <Button type="primary" htmlType="submit" loading={grade.isPending}>
        {t('dashboard.grade.save')}
      </Button>
    </Form>
  );
}
