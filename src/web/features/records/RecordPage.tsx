import { Button, Card, Result, Skeleton } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { actionKinds, type ActionKind } from '../../../common/actions';
import type { RecordDetail } from '../../../common/api/records';
import { useBranchPeople, useRecord } from './records.api';
import { RecordEditor } from './RecordEditor';
import { RecordView } from './RecordView';
import { useStructure } from '../org/org.api';
import { useSessionUser } from '../auth/auth.api';
import { canWriteForBranch } from '../../../common/policies/records';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';
import { workbenchLink } from '../workbench/links';
import { SignInQrButton } from '../signin/SignInQrButton';
import { MeetingRecordDownload } from '../reports/MeetingRecordDownload';

function BackLink({ to }: { to: string }) {
  const { t } = useI18n();
  return (
    <div style={{ marginBottom: 12 }}>
      <Link to={to}>← {t('records.backToWorkbench')}</Link>
    </div>
  );
}

const Loading = () => (
  <Card>
    <Skeleton active />
  </Card>
);

/** A new record: campaign, branch, kind and month come from the workbench link. */
function NewRecord() {
  const { t } = useI18n();
  const user = useSessionUser();
  const [params] = useSearchParams();
  const campaignId = Number(params.get('campaignId'));
  const branchId = Number(params.get('branchId'));
  const kind = params.get('kind') as ActionKind | null;
  const periodKey = params.get('periodKey') ?? undefined;
  const canWrite = canWriteForBranch(user, branchId);
  const structure = useStructure();
  const people = useBranchPeople(branchId || undefined, canWrite);
  const back = workbenchLink({ campaignId, branchId, periodKey });

  if (!campaignId || !branchId || !kind || !actionKinds.includes(kind)) {
    return (
      <Result
        status="warning"
        title={t('records.missingParams')}
        extra={<Link to="/workbench">{t('records.backToWorkbench')}</Link>}
      />
    );
  }
  if (!canWrite)
    return <Result status="403" title={t('common.forbiddenTitle')} subTitle={t('records.cannotWrite')} />;
  if (people.isPending || structure.isPending) return <Loading />;
  return (
    <>
      <BackLink to={back} />
      <RecordEditor
        campaignId={campaignId}
        branchId={branchId}
        branchName={structure.data?.branches.find((b) => b.id === branchId)?.name ?? ''}
        kind={kind}
        periodKey={periodKey}
        people={people.data?.items ?? []}
      />
    </>
  );
}

/** A saved record: its editor while it may change (draft, returned), else the read-only view. */
function ExistingRecord({ record }: { record: RecordDetail }) {
  const people = useBranchPeople(record.branchId, record.canEdit);
  const back = workbenchLink({
    campaignId: record.campaignId,
    branchId: record.branchId,
    periodKey: record.periodKey,
  });
  if (record.canEdit && people.isPending) return <Loading />;
  return (
    <>
      <BackLink to={back} />
      {record.canEdit && (record.kind === 'study' || record.kind === 'theme_day') && (
        <div style={{ marginBottom: 12 }}>
          <SignInQrButton recordId={record.id} />
        </div>
      )}
      {(record.kind === 'study' || record.kind === 'theme_day') && (
        <MeetingRecordDownload recordId={record.id} kind={record.kind} />
      )}
      {record.canEdit ? (
        <RecordEditor
          key={record.id}
          record={record}
          campaignId={record.campaignId}
          branchId={record.branchId}
          branchName={record.branchName}
          kind={record.kind}
          periodKey={record.periodKey ?? undefined}
          people={people.data?.items ?? []}
        />
      ) : (
        <RecordView record={record} />
      )}
    </>
  );
}

/** /workbench/records/new?… and /workbench/records/:id */
export function RecordPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { recordId } = useParams();
  const id = recordId && /^\d+$/.test(recordId) ? Number(recordId) : null;
  const record = useRecord(id);
  if (recordId === 'new') return <NewRecord />;
  if (id === null) return <Result status="404" title={t('records.notFound')} />;
  if (record.isPending) return <Loading />;
  if (record.isError) {
    return (
      <Result
        status="warning"
        title={t('records.notFound')}
        subTitle={errorText(record.error)}
        extra={<Button onClick={() => void record.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  return <ExistingRecord record={record.data} />;
}
