import { useState } from 'react';
import { Alert, Card, Empty, List, Select, Space, Spin, Tabs, Typography } from 'antd';
import { revisionStageLabels, revisionStages } from '../../../common/api/revisions';
import { useRevisions, type Revision, type RevisionStage } from './revisions.api';
import { RevisionItem } from './RevisionItem';
import { RevisionActionModal, type RevisionAction } from './RevisionActionModal';
import { useSessionUser } from '../auth/auth.api';
import { hasLeaderQueue } from '../../../common/policies/revisions';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';

/** Revisions grouped by rule, in the order of the register (newest first within a rule). */
function RevisionGroups({
  mine,
  stage,
  onAction,
}: {
  mine: boolean;
  stage?: RevisionStage;
  onAction: (a: RevisionAction) => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const list = useRevisions({ stage, mine });
  if (list.isLoading) return <Spin />;
  if (list.isError) return <Alert type="error" showIcon title={errorText(list.error)} />;
  const items = list.data?.items ?? [];
  const byId = new Map(items.map((r) => [r.recordId, r]));
  const groups = (list.data?.rules ?? [])
    .map((rule) => ({
      ruleTitle: rule.ruleTitle,
      versions: rule.versions.map((id) => byId.get(id)).filter((r): r is Revision => r !== undefined),
    }))
    .filter((g) => g.versions.length > 0);
  // Revisions the register does not list (should not happen) still show, on their own.
  const listed = new Set(groups.flatMap((g) => g.versions.map((v) => v.recordId)));
  for (const r of items) if (!listed.has(r.recordId)) groups.push({ ruleTitle: r.ruleTitle, versions: [r] });
  if (!groups.length) return <Empty description={t('revisions.empty')} />;

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {groups.map((g) => (
        <Card
          key={g.ruleTitle}
          size="small"
          title={<span style={{ whiteSpace: 'normal' }}>{g.ruleTitle}</span>}
          extra={t('revisions.versions', { n: g.versions.length })}
        >
          <List
            dataSource={g.versions}
            rowKey="recordId"
            renderItem={(r) => (
              <List.Item>
                <RevisionItem revision={r} reviewing={mine} onAction={onAction} />
              </List.Item>
            )}
          />
        </Card>
      ))}
    </Space>
  );
}

export function RevisionsPage() {
  const { t, pick } = useI18n();
  const user = useSessionUser();
  const isLeader = hasLeaderQueue(user);
  const [stage, setStage] = useState<RevisionStage>();
  const [action, setAction] = useState<RevisionAction | null>(null);

  const register = (
    <>
      <Select<RevisionStage>
        allowClear
        style={{ width: '100%', maxWidth: 320, marginBottom: 12 }}
        placeholder={t('revisions.stage')}
        aria-label={t('revisions.stage')}
        value={stage}
        onChange={setStage}
        options={revisionStages.map((s) => ({ value: s, label: pick(revisionStageLabels[s]) }))}
      />
      <RevisionGroups mine={false} stage={stage} onAction={setAction} />
    </>
  );

  return (
    <Card title={t('revisions.title')}>
      <Typography.Paragraph type="secondary">{t('revisions.intro')}</Typography.Paragraph>
      <Tabs
        defaultActiveKey={isLeader ? 'mine' : 'register'}
        items={[
          ...(isLeader
            ? [
                {
                  key: 'mine',
                  label: t('revisions.mine'),
                  children: <RevisionGroups mine onAction={setAction} />,
                },
              ]
            : []),
          { key: 'register', label: t('revisions.register'), children: register },
        ]}
      />
      {action && <RevisionActionModal action={action} onClose={() => setAction(null)} />}
    </Card>
  );
}
