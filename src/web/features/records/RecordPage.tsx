import { useRef } from 'react';
import { Button, Card, Grid, Result, Skeleton } from 'antd';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
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
import { MonthSteps } from '../workbench/MonthSteps';
import { PhoneActionBar } from '../../components/PhoneActionBar';

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

/** Where a record belongs: from the workbench link for a new one, from the record otherwise. */
interface Place {
  campaignId: number;
  branchId: number;
  kind: ActionKind;
  periodKey?: string;
}

/**
 * A record's page, new or saved: the month's steps, then its editor while it may change (new,
 * draft, returned), else the read-only view. One component for both, so a new record that saves
 * itself keeps its editor (and the user's cursor) when its address becomes the saved one's.
 */
function RecordSlot({
  place,
  record,
  editorKey,
}: {
  place: Place;
  record?: RecordDetail;
  editorKey: string;
}) {
  const { t } = useI18n();
  const user = useSessionUser();
  // The editor's save of what was typed since its last autosave, for 提交本月.
  const flush = useRef<(() => Promise<unknown>) | null>(null);
  const isDesktop = Grid.useBreakpoint().lg ?? false;
  const editable = record ? record.can.edit : canWriteForBranch(user, place.branchId);
  const structure = useStructure();
  const people = useBranchPeople(place.branchId, editable);
  const back = workbenchLink(place);
  if (!record && !editable)
    return <Result status="403" title={t('common.forbiddenTitle')} subTitle={t('records.cannotWrite')} />;
  if (editable && (people.isPending || structure.isPending)) return <Loading />;
  const meeting = place.kind === 'study' || place.kind === 'theme_day';
  const month = (compact: boolean) => (
    <MonthSteps
      campaignId={place.campaignId}
      branchId={place.branchId}
      periodKey={place.periodKey}
      kind={place.kind}
      compact={compact}
      beforeSubmit={() => flush.current?.() ?? Promise.resolve()}
    />
  );
  return (
    <>
      <BackLink to={back} />
      {month(false)}
      {record?.can.edit && meeting && (
        <div style={{ marginBottom: 12 }}>
          <SignInQrButton recordId={record.id} />
        </div>
      )}
      {record && meeting && (
        <MeetingRecordDownload
          recordId={record.id}
          kind={record.kind === 'theme_day' ? 'theme_day' : 'study'}
        />
      )}
      {editable ? (
        <RecordEditor
          record={record}
          campaignId={place.campaignId}
          branchId={place.branchId}
          branchName={
            record?.branchName ?? structure.data?.branches.find((b) => b.id === place.branchId)?.name ?? ''
          }
          kind={place.kind}
          periodKey={place.periodKey}
          people={people.data?.items ?? []}
          editorKey={editorKey}
          phoneFooter={month(true)}
          flushRef={flush}
        />
      ) : (
        record && (
          <>
            <RecordView record={record} />
            {!isDesktop && <PhoneActionBar>{month(true)}</PhoneActionBar>}
          </>
        )
      )}
    </>
  );
}

/** /workbench/records/new?… and /workbench/records/:id */
export function RecordPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { recordId } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const id = recordId && /^\d+$/.test(recordId) ? Number(recordId) : null;
  const record = useRecord(id);
  // A new record saved by itself arrives here with the key its editor had while new.
  const editorKey =
    (location.state as { editorKey?: string } | null)?.editorKey ??
    (recordId === 'new' ? `new:${params.toString()}` : `record:${recordId}`);
  if (recordId === 'new') {
    const place = {
      campaignId: Number(params.get('campaignId')),
      branchId: Number(params.get('branchId')),
      kind: params.get('kind') as ActionKind,
      periodKey: params.get('periodKey') ?? undefined,
    };
    if (!place.campaignId || !place.branchId || !actionKinds.includes(place.kind)) {
      return (
        <Result
          status="warning"
          title={t('records.missingParams')}
          extra={<Link to="/workbench">{t('records.backToWorkbench')}</Link>}
        />
      );
    }
    return <RecordSlot key={editorKey} place={place} editorKey={editorKey} />;
  }
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
  const r = record.data;
  const place = {
    campaignId: r.campaignId,
    branchId: r.branchId,
    kind: r.kind,
    periodKey: r.periodKey ?? undefined,
  };
  return <RecordSlot key={editorKey} place={place} record={r} editorKey={editorKey} />;
}
