import { asc, eq, inArray } from 'drizzle-orm';
import type { ServiceDeps } from '../../lib/service-deps.js';
import type { AuthedContext } from '../../lib/actor.js';
import { addDays } from '../../lib/dates.js';
import { writeAudit } from '../../lib/audit.js';
import {
  branches,
  people,
  grassrootsUnits,
  departments,
  recordHistory,
  records,
  reviews,
  attendance,
  users,
  leaderReviews,
  revisionFollowups,
  roleGrants,
  problems,
  problemEvents,
  partyGroups,
} from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { defaultActionKinds } from '../campaigns/default-kinds.js';
import { defaultScoring } from '../../../common/api/campaigns.js';
import { tasksOfCampaign } from '../campaigns/campaigns.repo.js';
import { countsOnOf } from '../records/record-kinds.js';
import { expectedFor } from '../records/attendance.js';
import { grantsOf } from '../auth/auth.repo.js';
import * as d from './demo-activity.js';
import { prng } from './demo-random.js';
import * as items from './demo-branch-items.js';
import { attachDemoEvidence } from './demo-evidence-loader.js';
import { plantDemoAnomalies } from './demo-anomalies.js';
import { absenceReasons, meetingFacts } from './demo-meetings.js';
import { demoIndicator, demoMeasure, demoProblemEffect, demoRechecks } from './demo-effect.js';

type Kind = 'study' | 'theme_day' | 'rule_revision' | 'grassroots_problem' | 'publicity' | 'optional';
type Outcome = 'on_time' | 'late' | 'returned_fixed' | 'missing' | 'pending' | 'returned_open' | 'draft';

const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Loads the article's year (March–December 2020) as a running campaign with records of all five
 * branches: most months complete, some late (补报), some returned, a few missing, and December's
 * still under way. Skips when the demo accounts are absent or a 2020 campaign exists.
 */
export async function loadDemoActivity(
  deps: Pick<ServiceDeps, 'db' | 'clock' | 'files'>,
  campaignsService: CampaignsService,
): Promise<boolean> {
  const { db } = deps;
  const [committeeUser] = await db.select().from(users).where(eq(users.username, 'jiguan'));
  if (!committeeUser) return false;
  const ctx: AuthedContext = {
    ip: null,
    actor: {
      userId: committeeUser.id,
      username: committeeUser.username,
      displayName: committeeUser.displayName,
      personId: committeeUser.personId,
      grants: await grantsOf(db, committeeUser.id),
    },
  };
  if ((await campaignsService.list(ctx)).items.some((c) => c.year === d.DEMO_YEAR)) return false;

  const branchRows = await db.select().from(branches).orderBy(asc(branches.sortOrder), asc(branches.id));
  const demoBranches = branchRows.slice(0, 5);
  const campaign = await campaignsService.create(ctx, {
    name: '2020年机关党支部“五个一”对标活动',
    year: d.DEMO_YEAR,
    months: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    watchwords: '学讲话、转作风、作表率',
    branchIds: demoBranches.map((b) => b.id),
    actionKinds: defaultActionKinds,
    optionalBonusCap: 10,
    branchesSeeRanking: false,
    scoring: defaultScoring,
  });
  await campaignsService.start(ctx, campaign.id);

  const kindIds = new Map(campaign.actionKinds.map((k) => [k.kind, k.id]));
  const tasks = await tasksOfCampaign(db, campaign.id);
  const taskOf = new Map(tasks.map((t) => [`${t.branchId}/${t.actionKindId}/${t.periodKey}`, t]));
  const units = await db.select().from(grassrootsUnits).orderBy(asc(grassrootsUnits.id));
  const depts = await db.select().from(departments).orderBy(asc(departments.id));
  const secretaries = await db
    .select()
    .from(users)
    .where(
      inArray(
        users.username,
        demoBranches.map((_, i) => `zhibu${i + 1}`),
      ),
    );
  const members = await db
    .select({ id: people.id, name: people.name, branchId: people.branchId, branchPost: people.branchPost })
    .from(people)
    .where(inArray(people.memberStatus, ['full', 'probationary']))
    .orderBy(asc(people.id));
  const leaderGrants = await db.select().from(roleGrants).where(eq(roleGrants.role, 'leader'));
  const leaderOf = (departmentId: unknown) =>
    leaderGrants.find((g) => g.departmentIds.includes(departmentId as number))?.userId;
  const random = prng(2020);

  await db.transaction(async (tx) => {
    for (const [b, branch] of demoBranches.entries()) {
      const author = secretaries.find((s) => s.username === `zhibu${b + 1}`);
      if (!author) continue;
      const branchDepts = depts.filter((x) => x.branchId === branch.id);
      // The secretary chairs the branch's meetings and the organisation committee member minutes them.
      const postHolder = (post: string) =>
        members.find((m) => m.branchId === branch.id && m.branchPost === post)?.id ?? null;
      const officers = {
        host: postHolder('secretary'),
        recorder: postHolder('organisation') ?? postHolder('publicity') ?? postHolder('deputy_secretary'),
      };
      for (let month = 3; month <= 12; month++) {
        const kinds: Kind[] = ['study', 'theme_day', 'rule_revision', 'grassroots_problem', 'publicity'];
        if ((b + month) % 3 === 0) kinds.push('optional');
        for (const [k, kind] of kinds.entries()) {
          const outcome = pickOutcome(random(), month, b, k);
          if (outcome === 'missing') continue;
          const day = 6 + ((b * 3 + k * 4 + month) % 17);
          const occurredOn = `${d.DEMO_YEAR}-${pad(month)}-${pad(day)}`;
          const content = contentOf(kind, month, b, occurredOn, units, branchDepts, officers);
          // Who is expected follows the meeting's form on its date (a 党小组会 names its group).
          const expected = await meetingOf(tx, kind, branch.id, content.data, occurredOn, month);
          const periodKey = `${d.DEMO_YEAR}-${pad(month)}`;
          const task = taskOf.get(`${branch.id}/${kindIds.get(kind)}/${periodKey}`);
          const due = task?.dueDate ?? addDays(`${d.DEMO_YEAR}-${pad(month)}-28`, 8);
          const created = at(addDays(occurredOn, 1), 10);
          const firstSubmit =
            outcome === 'late'
              ? at(addDays(due, 2 + Math.floor(random() * 5)), 16)
              : at(addDays(occurredOn, 2), 17);
          const status =
            outcome === 'pending'
              ? 'submitted'
              : outcome === 'returned_open'
                ? 'returned'
                : outcome === 'draft'
                  ? 'draft'
                  : 'approved';
          const lastSubmit = outcome === 'returned_fixed' ? at(addDays(occurredOn, 6), 11) : firstSubmit;
          const approvedAt = status === 'approved' ? at(addDays(cstDay(lastSubmit), 2), 9) : null;
          const [row] = await tx
            .insert(records)
            .values({
              campaignId: campaign.id,
              branchId: branch.id,
              kind,
              title: content.title,
              occurredOn,
              countsOn: countsOnOf(kind, occurredOn, content.data),
              periodKey,
              taskId: task?.id ?? null,
              status,
              data: content.data,
              version: 1,
              submittedAt: status === 'draft' ? null : lastSubmit,
              firstSubmittedAt: status === 'draft' ? null : firstSubmit,
              approvedAt,
              // The committee graded some records and held a few up as highlights (亮点).
              quality: approvedAt ? gradeOf(month, b, k) : null,
              highlight: !!approvedAt && (month + b * 3 + k) % 11 === 0,
              highlightNote:
                approvedAt && (month + b * 3 + k) % 11 === 0
                  ? d.highlightNotes[(month + b) % d.highlightNotes.length]!
                  : null,
              // Demo revisions have passed their leader in charge before going to the committee.
              leaderStatus:
                kind === 'rule_revision' && status !== 'draft' && leaderOf(content.data.departmentId)
                  ? 'approved'
                  : 'none',
              createdBy: author.id,
              createdAt: created,
              updatedBy: author.id,
              updatedAt: lastSubmit,
            })
            .returning({ id: records.id });
          const recordId = row!.id;
          if (kind === 'grassroots_problem') {
            await addDemoProblem(tx, {
              recordId,
              branchId: branch.id,
              author: author.id,
              contentData: content.data,
              occurredOn,
              awaiting: outcome === 'draft',
              reopened: (month + b) % 5 === 0,
              satisfaction: 3 + ((month + b) % 3),
              rechecks: outcome === 'draft' ? [] : demoRechecks(b, month, occurredOn),
            });
          }
          if (kind === 'optional' && status === 'approved' && (month + b) % 4 === 0) {
            await tx
              .update(records)
              .set({
                exemplary: true,
                exemplaryNote: d.exemplaryNotes[(month + b) % d.exemplaryNotes.length]!,
              })
              .where(eq(records.id, recordId));
          }
          let attendees: {
            personId: number;
            status: 'present' | 'leave' | 'absent';
            reason: string | null;
          }[] = [];
          if (expected.length) {
            const chairs = [content.data.hostPersonId, content.data.recorderPersonId];
            attendees = expected.map(({ personId }) => {
              const roll = chairs.includes(personId) ? 1 : random();
              if (roll < 0.1)
                return {
                  personId,
                  status: 'leave' as const,
                  reason: d.leaveReasons[Math.floor(random() * d.leaveReasons.length)]!,
                };
              if (roll < 0.13)
                return {
                  personId,
                  status: 'absent' as const,
                  reason: absenceReasons[(personId + month) % absenceReasons.length]!,
                };
              return { personId, status: 'present' as const, reason: null };
            });
            const standing = new Map(expected.map((e) => [e.personId, e]));
            await tx.insert(attendance).values(
              attendees.map((p) => ({
                ...p,
                recordId,
                memberStatus: standing.get(p.personId)!.memberStatus,
                post: standing.get(p.personId)!.post,
              })),
            );
          }
          if (kind === 'study' || kind === 'theme_day') {
            const person = (id: unknown) => members.find((m) => m.id === id);
            const present = attendees.filter((a) => a.status === 'present').map((a) => person(a.personId)!);
            const facts = meetingFacts(
              kind,
              content.data,
              content.title,
              month,
              b,
              present,
              person(content.data.hostPersonId),
            );
            Object.assign(content.data, facts);
            await tx.update(records).set({ data: content.data }).where(eq(records.id, recordId));
          }
          const snapshot = { title: content.title, occurredOn, data: content.data, attendance: attendees };
          const steps: { change: string; at: Date; user: number; status: string }[] = [
            { change: 'create', at: created, user: author.id, status: 'draft' },
          ];
          if (status !== 'draft')
            steps.push({ change: 'submit', at: firstSubmit, user: author.id, status: 'submitted' });
          const reviewRows: (typeof reviews.$inferInsert)[] = [];
          if (outcome === 'returned_fixed' || outcome === 'returned_open') {
            const returnedAt = at(addDays(cstDay(firstSubmit), 1), 15);
            steps.push({ change: 'returned', at: returnedAt, user: committeeUser.id, status: 'returned' });
            reviewRows.push({
              recordId,
              recordVersion: 2,
              decision: 'returned',
              comment: returnComment(kind),
              reviewerId: committeeUser.id,
              at: returnedAt,
            });
            if (outcome === 'returned_fixed') {
              steps.push({
                change: 'update',
                at: at(addDays(cstDay(returnedAt), 1), 9),
                user: author.id,
                status: 'returned',
              });
              steps.push({ change: 'resubmit', at: lastSubmit, user: author.id, status: 'submitted' });
            }
          }
          if (approvedAt) {
            steps.push({ change: 'approved', at: approvedAt, user: committeeUser.id, status: 'approved' });
            reviewRows.push({
              recordId,
              recordVersion: steps.length - 1,
              decision: 'approved',
              comment: '',
              reviewerId: committeeUser.id,
              at: approvedAt,
            });
          }
          await tx.insert(recordHistory).values(
            steps.map((s, i) => ({
              recordId,
              version: i + 1,
              change: s.change,
              at: s.at,
              userId: s.user,
              snapshot: { ...snapshot, status: s.status },
            })),
          );
          await tx.update(records).set({ version: steps.length }).where(eq(records.id, recordId));
          if (reviewRows.length) await tx.insert(reviews).values(reviewRows);
          const leaderId =
            kind === 'rule_revision' && status !== 'draft' ? leaderOf(content.data.departmentId) : undefined;
          if (leaderId) {
            await tx.insert(leaderReviews).values({
              recordId,
              decision: 'approved',
              comment: '同意发布',
              leaderId,
              at: at(occurredOn, 9),
            });
          }
          if (kind === 'rule_revision' && approvedAt) {
            // Effect tracking at 30 and 90 days; the late-year ones are partly still open.
            await tx.insert(revisionFollowups).values(
              [30, 90].map((days, i) => {
                const noted = month < 10 || (i === 0 && month < 12);
                return {
                  recordId,
                  dueOn: addDays(occurredOn, days),
                  note: noted
                    ? i === 0
                      ? '新制度已宣贯到位,执行顺畅。'
                      : '审批时限平均缩短约三成,基层反映良好。'
                    : null,
                  notedOn: noted ? addDays(occurredOn, days - 2) : null,
                  notedBy: noted ? author.id : null,
                  ...(noted ? demoMeasure(content.data, i, b, month) : null),
                };
              }),
            );
          }
        }
      }
    }
    await writeAudit(tx, ctx, deps.clock, {
      action: 'demo.activity_loaded',
      entityType: 'campaign',
      entityId: campaign.id,
      after: { year: d.DEMO_YEAR },
    });
  });
  await attachDemoEvidence(deps, ctx, campaign.id);
  await plantDemoAnomalies(deps, campaign.id);
  return true;
}

const cstDay = (instant: Date) => new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Mostly on time; some late, some returned and fixed, a few missing; December still under way. */
function pickOutcome(roll: number, month: number, branchIndex: number, kindIndex: number): Outcome {
  if (month === 12) {
    if (branchIndex === 1 && kindIndex === 2) return 'returned_open';
    if (branchIndex === 3 && kindIndex === 4) return 'draft';
    // A problem the branch solved in December that still waits for the unit's confirmation.
    if (branchIndex === 2 && kindIndex === 3) return 'draft';
    if (kindIndex === 1 || (branchIndex + kindIndex) % 3 === 0) return 'pending';
  }
  if (branchIndex === 3 && (month === 5 || month === 8) && kindIndex >= 2 && kindIndex <= 3) return 'missing';
  if (roll < 0.03) return 'missing';
  if (roll < 0.11) return 'late';
  if (roll < 0.19) return 'returned_fixed';
  return 'on_time';
}

function returnComment(kind: Kind): string {
  return {
    study: '请补充会议记录中的研讨发言要点',
    theme_day: '请补充活动小结,说明活动成效',
    rule_revision: '请补充征求意见情况和发布文号',
    grassroots_problem: '请补充基层单位对解决情况的反馈',
    publicity: '请补充各渠道的发布链接',
    optional: '请说明创新之处',
  }[kind];
}

function contentOf(
  kind: Kind,
  month: number,
  b: number,
  date: string,
  units: { id: number; name: string }[],
  depts: { id: number }[],
  officers: { host: number | null; recorder: number | null },
): { title: string; data: Record<string, unknown> } {
  switch (kind) {
    case 'study':
      return {
        title: d.studyTopics[month]!,
        data: {
          form: d.studyForms[(month + b) % 4],
          mode: d.studyModes[month],
          place: d.studyModes[month] === 'in_person' ? '公司第一会议室' : '',
          topic: d.studyTopics[month],
          materialKinds: month % 2 ? ['speeches', 'company_documents'] : ['speeches', 'party_rules'],
          materials: '习近平总书记重要讲话和指示批示精神;公司有关会议和文件精神',
          hostPersonId: officers.host,
          recorderPersonId: officers.recorder,
          minutes: `支部书记领学,${3 + ((month + b) % 4)}名党员结合本部门工作交流发言,一致表示要学讲话、转作风、作表率。`,
          decisions: '将学习成果落实到本月重点工作中。',
        },
      };
    case 'theme_day': {
      const t = d.themeDays[month]!;
      return {
        title: t.title,
        data: {
          theme: t.theme,
          activity: t.activity,
          place: t.place,
          hostPersonId: officers.host,
          recorderPersonId: officers.recorder,
          summary: t.summary,
        },
      };
    }
    case 'rule_revision': {
      const ruleTitle = d.revisionsByBranch[b]![month - 3]!;
      return {
        title: `修订《${ruleTitle}》`,
        data: {
          ruleTitle,
          ruleType: ruleTitle.endsWith('流程') ? 'process' : 'rule',
          departmentId: depts[month % depts.length]?.id ?? null,
          gap: '对照“放管服”和“去机关化”要求,原规定存在审批环节多、责任不清的问题。',
          opinionsSolicited: `征求了相关部门和基层单位意见 ${5 + (month % 7)} 条,采纳 ${3 + (month % 4)} 条。`,
          changeSummary: '精简审批环节,明确责任分工和办理时限。',
          publishedOn: date,
          documentNo: `华远${['办', '财', '工', '市', '纪'][b]}〔2020〕${month * 3 + b}号`,
          releaseForm: '正式发文',
          ...demoIndicator(b, month, date),
        },
      };
    }
    case 'grassroots_problem': {
      const unit = units[(month + b) % units.length]!;
      const topic = items.problemsByBranch[b]![month - 3]!;
      const measure = d.problemMeasureCycle[(month + b) % d.problemMeasureCycle.length]!;
      return {
        title: `帮助${unit.name}解决${topic}问题`,
        data: {
          unitId: unit.id,
          raisedBy: `${unit.name}综合办`,
          description: `${unit.name}反映:${topic}。`,
          category: month <= 5 ? '防疫复工' : '经营管理',
          measures: [{ date: addDays(date, -7), kind: measure.kind, note: measure.note }],
          resolvedOn: date,
          outcome: '问题已解决,基层单位表示满意。',
          ...demoProblemEffect(b, month),
        },
      };
    }
    case 'publicity':
      return {
        title: `《${items.publicityByBranch[b]![month - 3]}》`,
        data: {
          kind: month === 6 ? 'feature' : 'news',
          author: `${['一', '二', '三', '四', '五'][b]}支部宣传委员`,
          channels: [
            {
              channel: 'website',
              publishedOn: date,
              link: `https://www.example.com/news/2020${pad(month)}${b + 1}`,
            },
            ...(month % 2 === 0
              ? [
                  {
                    channel: 'wechat',
                    publishedOn: addDays(date, 1),
                    link: `https://mp.example.com/s/2020${pad(month)}${b + 1}`,
                  },
                ]
              : []),
            ...(month % 3 === 0
              ? [
                  {
                    channel: 'newsletter',
                    publishedOn: addDays(date, 3),
                    link: `《领航》2020年第${month - 2}期`,
                  },
                ]
              : []),
          ],
          highlights: `报道${items.publicityByBranch[b]![month - 3]}中的做法和成效。`,
        },
      };
    default: {
      // Optional months of one branch are three apart, so this picks a different idea each time.
      const idea = items.optionalIdeasByBranch[b]![Math.floor((month - 3) / 3)]!;
      return {
        title: idea.title,
        data: {
          category: idea.category,
          description: `${idea.title}:${idea.novelty}`,
          novelty: idea.novelty,
          tags: [idea.category],
        },
      };
    }
  }
}

/**
 * The register entry behind a demo problem record: raised by the unit, taken on by the branch,
 * solved and confirmed by the unit (one in five reopened once first); a draft still awaits the
 * unit's word.
 */
async function addDemoProblem(
  tx: Parameters<Parameters<ServiceDeps['db']['transaction']>[0]>[0],
  p: {
    recordId: number;
    branchId: number;
    author: number;
    contentData: Record<string, unknown>;
    occurredOn: string;
    awaiting: boolean;
    reopened: boolean;
    satisfaction: number;
    rechecks: ReturnType<typeof demoRechecks>;
  },
) {
  const d = p.contentData as {
    unitId: number;
    description: string;
    category: string;
    raisedBy: string;
    measures: { date: string; kind: string; note: string }[];
    outcome: string;
  };
  const raisedOn = addDays(p.occurredOn, -10);
  const [problem] = await tx
    .insert(problems)
    .values({
      unitId: d.unitId,
      title: d.description.replace(/^.*?:/, '').replace(/。$/, ''),
      description: d.description,
      category: d.category,
      raisedByName: d.raisedBy,
      raisedAt: at(raisedOn, 10),
      branchId: p.branchId,
      acceptedAt: at(addDays(raisedOn, 1), 9),
      recordId: p.recordId,
      state: p.awaiting ? 'solved' : 'confirmed',
      solvedOn: p.occurredOn,
      confirmation: p.awaiting ? null : 'solved',
      confirmedOn: p.awaiting ? null : p.occurredOn,
      satisfaction: p.awaiting ? null : p.satisfaction,
      confirmComment: p.awaiting ? null : items.confirmComments[p.satisfaction]!,
    })
    .returning({ id: problems.id });
  const events: { type: string; at: Date; data: Record<string, unknown> }[] = [
    { type: 'raised', at: at(raisedOn, 10), data: {} },
    { type: 'accepted', at: at(addDays(raisedOn, 1), 9), data: { branchId: p.branchId } },
    ...d.measures.map((m) => ({ type: 'measure', at: at(m.date, 15), data: m })),
  ];
  if (p.reopened) {
    events.push({ type: 'solved', at: at(addDays(p.occurredOn, -5), 16), data: {} });
    events.push({
      type: 'reopened',
      at: at(addDays(p.occurredOn, -4), 10),
      data: { satisfaction: 2, comment: '仍有部分问题未解决' },
    });
    events.push({
      type: 'measure',
      at: at(addDays(p.occurredOn, -2), 15),
      data: { kind: 'one_to_one', note: '再次上门指导' },
    });
  }
  events.push({ type: 'solved', at: at(p.occurredOn, 16), data: { outcome: d.outcome } });
  if (!p.awaiting)
    events.push({ type: 'confirmed', at: at(p.occurredOn, 18), data: { satisfaction: p.satisfaction } });
  for (const r of p.rechecks) events.push({ type: 'recheck', at: at(r.checkedOn, 10), data: r });
  await tx.insert(problemEvents).values(
    events.map((e) => ({
      problemId: problem!.id,
      type: e.type as 'raised',
      at: e.at,
      userId: null,
      data: e.data,
    })),
  );
  await tx
    .update(records)
    .set({
      data: { ...p.contentData, problemId: problem!.id, confirmedOn: p.awaiting ? null : p.occurredOn },
    })
    .where(eq(records.id, p.recordId));
}

function gradeOf(month: number, b: number, k: number): 'excellent' | 'good' | 'fair' | null {
  const n = (month * 7 + b * 5 + k * 3) % 10;
  return n === 0 ? 'excellent' : n === 1 ? 'fair' : n < 5 ? 'good' : null;
}

/**
 * The expected list of a demo meeting. A 党小组会 is held by one of the branch's groups in turn,
 * chaired and minuted by two of its members, who are then in the room.
 */
async function meetingOf(
  tx: Db,
  kind: Kind,
  branchId: number,
  data: Record<string, unknown>,
  on: string,
  month: number,
) {
  if (kind === 'study' && data.form === 'group_meeting') {
    const groups = await tx
      .select({ id: partyGroups.id })
      .from(partyGroups)
      .where(eq(partyGroups.branchId, branchId))
      .orderBy(asc(partyGroups.id));
    data.partyGroupId = groups[month % groups.length]?.id ?? null;
    const members = await expectedFor(tx, kind, branchId, data, on);
    data.hostPersonId = members[0]?.personId ?? null;
    data.recorderPersonId = members[1]?.personId ?? null;
    return members;
  }
  return expectedFor(tx, kind, branchId, data, on);
}
