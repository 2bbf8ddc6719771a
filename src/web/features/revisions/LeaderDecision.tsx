import { useState } from 'react';
import { Button } from 'antd';
import type { RecordDetail } from '../../../common/api/records';
import { useRevision, type Revision } from './revisions.api';
import { RevisionActionModal, type RevisionAction } from './RevisionActionModal';
import { PhoneActionBar } from '../../components/PhoneActionBar';
import { useI18n } from '../../app/i18n/useI18n';

/** The leader in charge's 通过 / 退回 of a revision waiting for them (a return asks for a comment). */
export function LeaderDecision({ revision }: { revision: Revision }) {
  const { t } = useI18n();
  const [action, setAction] = useState<RevisionAction | null>(null);
  const decide = (kind: 'approved' | 'returned') =>
    setAction({ kind, recordId: revision.recordId, title: revision.title });
  return (
    <>
      <div style={{ display: 'flex', gap: 8 }}>
        <Button block type="primary" onClick={() => decide('approved')}>
          {t('revisions.approve')}
        </Button>
        <Button block danger onClick={() => decide('returned')}>
          {t('revisions.return')}
        </Button>
      </div>
      {action && <RevisionActionModal action={action} onClose={() => setAction(null)} />}
    </>
  );
}

/**
 * On a phone the record's content comes first and the revision panel far below it: the leader's
 * decision waits at the bottom of the screen instead, in reach while reading. Nothing for others.
 */
export function LeaderDecisionBar({ record }: { record: RecordDetail }) {
  // The same query as the revision panel's, so no second request.
  const revision = useRevision(record.id, record.version).data;
  if (!revision?.can.leaderReview) return null;
  return (
    <PhoneActionBar testId="leader-decision-bar">
      <LeaderDecision revision={revision} />
    </PhoneActionBar>
  );
}
