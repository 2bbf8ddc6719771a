import type { ReactNode } from 'react';
import { Card, Col, Grid, Row, Space } from 'antd';
import type { RecordDetail } from '../../../common/api/records';
import { useBranchPeople } from './records.api';
import { useStructure } from '../org/org.api';
import { useSessionUser } from '../auth/auth.api';
import { RecordHeader } from './RecordHeader';
import { RecordFieldsView } from './RecordFieldsView';
import { AttendanceList, AttendanceSummary } from './AttendanceSummary';
import { EvidenceGallery } from './EvidenceGallery';
import { ChecklistView } from './ChecklistView';
import { RecordHistory, ReturnedNotice, ReviewTrail } from './ReviewTrail';
import { attendanceRowsOf, kindsWithAttendance } from './recordForm';
import { canReadBranch } from '../../../common/policies/actor';
import { useI18n } from '../../app/i18n/useI18n';
import { RevisionPanel } from '../revisions/RevisionPanel';
import { LeaderDecisionBar } from '../revisions/LeaderDecision';
import { ExemplaryControl } from '../cases/ExemplaryControl';

/** Names for person ids in a record: its attendance, then the branch roster where the user may see it. */
export function usePersonNames(record: RecordDetail) {
  const user = useSessionUser();
  const mayList = canReadBranch(user, record.branchId);
  const people = useBranchPeople(record.branchId, mayList);
  return (id: number) =>
    record.attendance.find((a) => a.personId === id)?.name ??
    people.data?.items.find((p) => p.id === id)?.name;
}

/**
 * A saved record, read-only: its fields, attendance, evidence, checklist, reviews and history.
 * `aside` goes on top of the side column (e.g. the review decision).
 */
export function RecordView({ record, aside }: { record: RecordDetail; aside?: ReactNode }) {
  const { t } = useI18n();
  const structure = useStructure();
  const personName = usePersonNames(record);
  const withAttendance = kindsWithAttendance.has(record.kind);
  const stacked = Grid.useBreakpoint().lg === false;

  return (
    <div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card>
              <RecordHeader record={record} />
              <ReturnedNotice record={record} />
              <RecordFieldsView record={record} structure={structure.data} personName={personName} />
            </Card>
            {withAttendance && (
              <Card title={t('attendance.title')} size="small">
                <div style={{ marginBottom: 8 }}>
                  <AttendanceSummary counts={record.attendanceSummary} />
                </div>
                <AttendanceList rows={attendanceRowsOf(record)} />
              </Card>
            )}
            <Card title={t('evidence.title')} size="small">
              <EvidenceGallery items={record.evidence} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {aside}
            {record.kind === 'rule_revision' && <RevisionPanel record={record} />}
            <ExemplaryControl record={record} />
            <Card title={t('checklist.title')} size="small">
              <ChecklistView items={record.checklist} />
            </Card>
            <Card title={t('reviews.title')} size="small">
              <ReviewTrail record={record} />
            </Card>
            <RecordHistory recordId={record.id} />
          </Space>
        </Col>
      </Row>
      {/* Stacked on a phone, the revision panel is far below the record: the leader decides here. */}
      {record.kind === 'rule_revision' && stacked && <LeaderDecisionBar record={record} />}
    </div>
  );
}
