import { defaultLadder, ladderSchema, type Ladder } from '../../common/api/notifications.js';
import type { ServiceDeps } from '../lib/service-deps.js';
import { recordPath, workbenchLink } from '../../common/links.js';
import { addDays, cstDate, daysBetween } from '../lib/dates.js';
import { recheckDay, recheckMonths } from '../../common/problem-recheck.js';
import type { TasksService } from '../modules/tasks/tasks.service.js';
import * as repo from '../modules/notifications/notifications.repo.js';
import * as sources from './reminders.repo.js';

/** One reminder for one recipient (a user, or a branch's group robot), identified by its key. */
export interface Candidate {
  key: string;
  rule: string;
  userId: number | null;
  branchId: number | null;
  text: string;
  link: string;
}

/**
 * After downtime, a step whose day has passed is still sent late, but only until the next step
 * applies, and the last step (or a one-off reminder) only this many days after its day: a
 * reminder about something long past is noise.
 */
export const CATCH_UP_DAYS = 7;

interface Step {
  name: string;
  offset: number;
  escalate: boolean;
}

export function stepsOf(l: Ladder): Step[] {
  const steps: Step[] = l.beforeDays.map((d) => ({ name: `before${d}`, offset: -d, escalate: false }));
  if (l.onDueDate) steps.push({ name: 'due', offset: 0, escalate: false });
  if (l.escalateAfterDays)
    steps.push({ name: `overdue${l.escalateAfterDays}`, offset: l.escalateAfterDays, escalate: true });
  return steps.sort((a, b) => a.offset - b.offset);
}

/**
 * The step that applies `d` days after the due date (negative before it): the latest step whose
 * day has come. An earlier step whose day has passed is superseded, so catching up after downtime
 * never sends "5 days left" once "1 day left" applies.
 */
export function stepAt(steps: Step[], d: number): Step | null {
  let current = -1;
  steps.forEach((s, i) => {
    if (s.offset <= d) current = i;
  });
  if (current < 0) return null;
  const step = steps[current]!;
  if (current === steps.length - 1 && d - step.offset > CATCH_UP_DAYS) return null;
  return step;
}

const shortDate = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
function periodLabel(key: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) return `${Number(m[2])}月`;
  const q = /^(\d{4})-Q(\d)$/.exec(key);
  return q ? `第${q[2]}季度` : key;
}
const within = (waited: number, after: number | null) =>
  after !== null && waited >= after && waited <= after + CATCH_UP_DAYS;

/** Everything the ladder says is due today, for every recipient. */
export async function computeReminders(
  deps: Pick<ServiceDeps, 'db'> & { tasks: TasksService },
  now: Date,
): Promise<Candidate[]> {
  const { db } = deps;
  const today = cstDate(now);
  const out: Candidate[] = [];

  const ladders = new Map<number, Ladder>();
  for (const row of await repo.ladderRows(db)) {
    const parsed = ladderSchema.safeParse(row.ladder);
    if (parsed.success) ladders.set(row.campaignId, parsed.data);
  }
  const ladderOf = (campaignId: number) => ladders.get(campaignId) ?? defaultLadder;
  const active = (await sources.activeCampaigns(db)).map((c) => c.id);
  const activeSet = new Set(active);
  const general = active.length ? ladderOf(active[0]!) : defaultLadder;

  const grants = await repo.activeGrants(db);
  const users = (pred: (g: (typeof grants)[number]) => boolean) => [
    ...new Set(grants.filter(pred).map((g) => g.userId)),
  ];
  // The branch's committee: the group's, and its own company's.
  const committeeOf = (branchId: number | null) =>
    users(
      (g) =>
        g.role === 'committee' &&
        (!g.companyId || (branchId !== null && g.companyBranchIds.includes(branchId))),
    );
  const secretaries = (branchId: number) =>
    users((g) => g.role === 'branch_secretary' && g.branchId === branchId);
  const push = (c: Omit<Candidate, 'key' | 'userId' | 'branchId'>, base: string, to: number[]) => {
    for (const u of to) out.push({ ...c, key: `${base}:u${u}`, userId: u, branchId: null });
  };

  // Monthly tasks: before, on and after the due date.
  const { tasks } = deps;
  for (const campaignId of active) {
    const ladder = ladderOf(campaignId);
    if (!ladder.enabled) continue;
    const steps = stepsOf(ladder);
    for (const t of await tasks.load({ campaignId, branchIds: 'all' })) {
      if (!['not_started', 'in_progress', 'returned', 'overdue'].includes(t.status)) continue;
      const d = -t.daysToDue;
      const step = stepAt(steps, d);
      if (!step) continue;
      const what = `${t.branchName}「${t.title}」(${periodLabel(t.periodKey)})`;
      const text =
        d < 0
          ? `${what}还有 ${-d} 天到期(${shortDate(t.dueDate)}),请及时填报并提交。`
          : d === 0
            ? `${what}今天到期,请及时提交。`
            : `${what}已逾期 ${d} 天,请尽快补报。`;
      // A task with its record under way (a draft, or returned) leads straight into it; one not
      // begun, to the month's page, where every open action of the month is (a day's digest of
      // several then keeps one link).
      const place = { campaignId, branchId: t.branchId, periodKey: t.periodKey };
      const link = t.recordIds.length === 1 ? recordPath(t.recordIds[0]!) : workbenchLink(place);
      const base = `task:${t.id}:${step.name}:${t.dueDate}`;
      const rule = `task_${step.escalate ? 'escalated' : step.name === 'due' ? 'due' : 'before'}`;
      push({ rule, text, link }, base, secretaries(t.branchId));
      out.push({ key: `${base}:b${t.branchId}`, rule, userId: null, branchId: t.branchId, text, link });
      // A committee member who is also this branch's secretary has the line above already.
      const mine = secretaries(t.branchId);
      if (step.escalate)
        push(
          { rule, text: `【逾期督办】${what}已逾期 ${d} 天未完成。`, link },
          `${base}:c`,
          committeeOf(t.branchId).filter((u) => !mine.includes(u)),
        );
    }
  }

  // Follow-ups of published revisions, when due.
  const followups = await sources.dueFollowups(db, addDays(today, -CATCH_UP_DAYS), today);
  for (const f of followups) {
    const ladder = ladderOf(f.campaignId);
    if (!activeSet.has(f.campaignId) || !ladder.enabled || !ladder.followups) continue;
    const rule = (f.data as { ruleTitle?: string }).ruleTitle || f.title;
    push(
      {
        rule: 'followup_due',
        text: `制度《${rule}》的实施效果跟踪已到期(${shortDate(f.dueOn)}),请填写跟踪情况。`,
        link: '/revisions',
      },
      `followup:${f.id}`,
      secretaries(f.branchId),
    );
  }

  // Records waiting for the committee's review.
  for (const r of await sources.submittedRecords(db)) {
    const ladder = ladderOf(r.campaignId);
    if (!r.submittedAt || !ladder.enabled) continue;
    const waited = daysBetween(cstDate(r.submittedAt), today);
    if (!within(waited, ladder.reviewWaitDays)) continue;
    push(
      {
        rule: 'review_waiting',
        text: `${r.branchName}提交的「${r.title}」已等待审核 ${waited} 天。`,
        link: `/review/${r.id}`,
      },
      `review:${r.id}:v${r.version}`,
      committeeOf(r.branchId),
    );
  }

  // Revisions waiting for the leader in charge of the owning department.
  const pending = await sources.leaderPendingRecords(db);
  const since = await repo.leaderPendingSince(
    db,
    pending.map((p) => p.id),
  );
  for (const r of pending) {
    const ladder = ladderOf(r.campaignId);
    const at = since.get(r.id);
    if (!at || !ladder.enabled) continue;
    const waited = daysBetween(cstDate(at), today);
    if (!within(waited, ladder.reviewWaitDays)) continue;
    const dept = (r.data as { departmentId?: number }).departmentId;
    const leaders = users((g) => g.role === 'leader' && !!dept && g.departmentIds.includes(dept));
    push(
      {
        rule: 'leader_waiting',
        text: `${r.branchName}报送的制度修订「${r.title}」等待您审核已 ${waited} 天。`,
        // Straight to the revision, where the leader approves or returns it.
        link: `/review/${r.id}`,
      },
      `leader:${r.id}:v${r.version}`,
      leaders,
    );
  }

  // Problems solved by a branch, waiting for the grassroots unit's confirmation.
  if (general.enabled) {
    for (const p of await sources.solvedProblems(db)) {
      const solvedDay = cstDate(p.solvedAt);
      const waited = daysBetween(solvedDay, today);
      if (!within(waited, general.confirmWaitDays)) continue;
      const base = `problem:${p.id}:${solvedDay}`;
      push(
        {
          rule: 'confirm_waiting',
          text: `问题「${p.title}」已由支部标记解决 ${waited} 天,请确认解决情况并评价。`,
          link: '/problems',
        },
        base,
        users((g) => g.role === 'grassroots_contact' && g.grassrootsUnitId === p.unitId),
      );
      push(
        {
          rule: 'confirm_waiting',
          text: `${p.unitName}的问题「${p.title}」已解决 ${waited} 天仍未确认,可代为确认。`,
          link: '/problems',
        },
        `${base}:c`,
        committeeOf(p.branchId),
      );
    }

    // 3 and 6 months after the unit confirmed a problem: has it come back? The unit is asked,
    // the branch that solved it when the unit has no contact.
    for (const p of await sources.confirmedProblems(db)) {
      for (const m of recheckMonths) {
        if (!p.confirmedOn || p.recorded.includes(m)) continue;
        const day = recheckDay(p.confirmedOn, m);
        if (!within(daysBetween(day, today), 0)) continue;
        const contacts = users((g) => g.role === 'grassroots_contact' && g.grassrootsUnitId === p.unitId);
        push(
          {
            rule: 'recheck_due',
            text: `问题「${p.title}」已解决满 ${m} 个月,请回访并记录是否反弹。`,
            link: '/problems',
          },
          `recheck:${p.id}:${m}`,
          contacts.length || !p.branchId ? contacts : secretaries(p.branchId),
        );
      }
    }
  }
  return out;
}
