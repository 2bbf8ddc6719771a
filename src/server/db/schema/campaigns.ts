import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { branches, grassrootsUnits, people } from './org.js';
import { users } from './auth.js';
import type { Verdict } from '../../../common/record-fields/effect.js';
import { branchPosts, memberStatuses } from '../../../common/enums.js';

export const campaigns = pgTable('campaigns', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  year: integer('year').notNull(),
  months: integer('months').array().notNull(),
  watchwords: text('watchwords'),
  status: text('status', { enum: ['draft', 'active', 'closed'] })
    .notNull()
    .default('draft'),
  optionalBonusCap: numeric('optional_bonus_cap', { mode: 'number' }).notNull().default(10),
  branchesSeeRanking: boolean('branches_see_ranking').notNull().default(false),
  /** Scoring rules beyond each kind's points; see src/common/api/campaigns.ts scoringRules. */
  scoring: jsonb('scoring').notNull().default({}),
  copiedFromId: integer('copied_from_id'),
  startedAt: timestamp('started_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const campaignBranches = pgTable(
  'campaign_branches',
  {
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    branchId: integer('branch_id')
      .notNull()
      .references(() => branches.id),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.branchId] })],
);

export const campaignActionKinds = pgTable(
  'campaign_action_kinds',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    kind: text('kind', {
      enum: ['study', 'theme_day', 'rule_revision', 'grassroots_problem', 'publicity', 'optional'],
    }).notNull(),
    title: text('title').notNull(),
    required: boolean('required').notNull(),
    requiredCount: integer('required_count').notNull().default(1),
    period: text('period', { enum: ['month', 'quarter'] })
      .notNull()
      .default('month'),
    graceDays: integer('grace_days').notNull().default(5),
    points: numeric('points', { mode: 'number' }).notNull().default(20),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('campaign_action_kinds_kind').on(t.campaignId, t.kind)],
);

/**
 * One task per campaign × branch × period × required kind. The scheduled due date is kept as
 * first computed; only due_date changes when the committee extends it.
 */
export const tasks = pgTable(
  'tasks',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    branchId: integer('branch_id')
      .notNull()
      .references(() => branches.id),
    actionKindId: integer('action_kind_id')
      .notNull()
      .references(() => campaignActionKinds.id),
    periodKey: text('period_key').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    scheduledDueDate: date('scheduled_due_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    dueChangeReason: text('due_change_reason'),
    requiredCount: integer('required_count').notNull(),
  },
  (t) => [
    uniqueIndex('tasks_unique').on(t.campaignId, t.branchId, t.actionKindId, t.periodKey),
    index('tasks_branch_period').on(t.branchId, t.periodKey),
  ],
);

/**
 * A record of something a branch did. `occurred_on` is the date the user says the activity
 * happened; `counts_on` is the date that decides its period (a revision: published; a problem:
 * solved/confirmed), and `task_id` the task of that period. Kind-specific fields live in `data`.
 */
export const records = pgTable(
  'records',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    branchId: integer('branch_id')
      .notNull()
      .references(() => branches.id),
    kind: text('kind', {
      enum: ['study', 'theme_day', 'rule_revision', 'grassroots_problem', 'publicity', 'optional'],
    }).notNull(),
    title: text('title').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    countsOn: date('counts_on', { mode: 'string' }),
    periodKey: text('period_key'),
    taskId: integer('task_id').references(() => tasks.id),
    status: text('status', { enum: ['draft', 'submitted', 'returned', 'approved'] })
      .notNull()
      .default('draft'),
    data: jsonb('data').notNull(),
    version: integer('version').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** The committee's grade of an approved record (优/良/中/差) and its highlight (亮点) mark. */
    quality: text('quality', { enum: ['excellent', 'good', 'fair', 'poor'] }),
    highlight: boolean('highlight').notNull().default(false),
    highlightNote: text('highlight_note'),
    /** Optional actions the committee holds up as exemplary cases (典型案例), seen by every branch. */
    exemplary: boolean('exemplary').notNull().default(false),
    exemplaryNote: text('exemplary_note'),
    /** Revisions only: review by the leader in charge of the owning department (分管领导审核). */
    leaderStatus: text('leader_status', { enum: ['none', 'pending', 'approved', 'returned'] })
      .notNull()
      .default('none'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('records_branch_kind').on(t.branchId, t.kind),
    // A task's records, with what its status is derived from (status, first submission, grade):
    // the dashboards count a campaign's records per task from this index alone.
    index('records_task').on(t.taskId, t.status, t.firstSubmittedAt, t.quality),
    index('records_campaign_status').on(t.campaignId, t.status),
    // A month's bonus records (dashboard/scores.repo.ts); migration 0025 includes kind and highlight.
    index('records_cell_extras')
      .on(t.campaignId, t.branchId, t.periodKey)
      .where(sql`status = 'approved' and (kind = 'optional' or highlight)`),
    // The review queue: records of one status, oldest submission first (bench at group scale).
    index('records_status_submitted').on(t.status, t.submittedAt),
  ],
);

/** Every version of a record as it was saved: edits are never lost. */
export const recordHistory = pgTable(
  'record_history',
  {
    id: serial('id').primaryKey(),
    recordId: integer('record_id')
      .notNull()
      .references(() => records.id),
    version: integer('version').notNull(),
    change: text('change').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    userId: integer('user_id').references(() => users.id),
    snapshot: jsonb('snapshot').notNull(),
  },
  (t) => [index('record_history_record').on(t.recordId)],
);

/** Append-only review trail: approvals and returns with their reasons. */
export const reviews = pgTable(
  'reviews',
  {
    id: serial('id').primaryKey(),
    recordId: integer('record_id')
      .notNull()
      .references(() => records.id),
    recordVersion: integer('record_version').notNull(),
    decision: text('decision', { enum: ['approved', 'returned'] }).notNull(),
    comment: text('comment').notNull().default(''),
    reviewerId: integer('reviewer_id')
      .notNull()
      .references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** The grade (优/良/中/差) given with an approval in the review screen, if any. */
    quality: text('quality', { enum: ['excellent', 'good', 'fair', 'poor'] }),
    /**
     * What the grade cites as its basis: the effect figures the reviewer ticked, as they stood
     * then (the effect moves on with later measurements), and a short note.
     */
    gradeBasis: jsonb('grade_basis'),
  },
  (t) => [index('reviews_record').on(t.recordId)],
);

/** Who should attend (应到) — one row each — and whether they did. */
export const attendance = pgTable(
  'attendance',
  {
    recordId: integer('record_id')
      .notNull()
      .references(() => records.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    status: text('status', { enum: ['present', 'leave', 'absent'] }).notNull(),
    reason: text('reason'),
    signedInAt: timestamp('signed_in_at', { withTimezone: true }),
    /** The person's standing when the list was made: 预备党员 are counted and marked. */
    memberStatus: text('member_status', { enum: memberStatuses }),
    /** The branch post held on the meeting's date, if any (a 支委会's list names them by post). */
    post: text('post', { enum: branchPosts }),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.personId] }), index('attendance_person').on(t.personId)],
);

/** Stored file contents, addressed by SHA-256; the bytes live in the file store. */
export const blobs = pgTable('blobs', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  mime: text('mime').notNull(),
  hasThumbnail: boolean('has_thumbnail').notNull().default(false),
  /** An image's 64-bit difference hash (lib/image-hash.ts): near-identical photos differ in few bits. */
  imageHash: bigint('image_hash', { mode: 'bigint' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** Evidence attached to a record: the date it is valid for is apart from when it was uploaded. */
export const evidence = pgTable(
  'evidence',
  {
    id: serial('id').primaryKey(),
    recordId: integer('record_id')
      .notNull()
      .references(() => records.id),
    sha256: text('sha256')
      .notNull()
      .references(() => blobs.sha256),
    kind: text('kind', { enum: ['photo', 'sign_in_sheet', 'minutes', 'document', 'other'] }).notNull(),
    originalName: text('original_name').notNull(),
    caption: text('caption'),
    validOn: date('valid_on', { mode: 'string' }),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedBy: integer('removed_by').references(() => users.id),
  },
  (t) => [index('evidence_record').on(t.recordId)],
);

/** Short-lived QR sign-in links of a meeting record; the token itself is stored only as a hash. */
export const signInLinks = pgTable(
  'sign_in_links',
  {
    id: text('id').primaryKey(),
    recordId: integer('record_id')
      .notNull()
      .references(() => records.id),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sign_in_links_record').on(t.recordId)],
);

/** Append-only decisions of leaders in charge on revisions. */
export const leaderReviews = pgTable(
  'leader_reviews',
  {
    id: serial('id').primaryKey(),
    recordId: integer('record_id')
      .notNull()
      .references(() => records.id),
    decision: text('decision', { enum: ['approved', 'returned'] }).notNull(),
    comment: text('comment').notNull().default(''),
    leaderId: integer('leader_id')
      .notNull()
      .references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('leader_reviews_record').on(t.recordId)],
);

/** Effect tracking of a published revision: dated follow-up notes due after publication. */
export const revisionFollowups = pgTable(
  'revision_followups',
  {
    id: serial('id').primaryKey(),
    recordId: integer('record_id')
      .notNull()
      .references(() => records.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    note: text('note'),
    notedOn: date('noted_on', { mode: 'string' }),
    notedBy: integer('noted_by').references(() => users.id),
    /** The indicator's value measured at this follow-up (the revision states the indicator). */
    measuredValue: doublePrecision('measured_value'),
    /** What the value was measured from: a report, a system export, a count of files. */
    evidence: text('evidence'),
    /** met (已见效) or not_met (待改进), computed from the value when it was recorded, then kept. */
    verdict: text('verdict').$type<Verdict>(),
    /** What is done next when the target is not met. */
    nextStep: text('next_step'),
  },
  (t) => [uniqueIndex('revision_followups_due').on(t.recordId, t.dueOn)],
);

/**
 * A grassroots unit's difficulty or problem (为基层解决一个困难或问题), from being raised to the
 * unit's confirmation. The branch's monthly record of it links here; the record counts for the
 * month the unit confirmed the problem solved.
 */
export const problems = pgTable(
  'problems',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => grassrootsUnits.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    category: text('category').notNull().default(''),
    urgency: text('urgency', { enum: ['normal', 'urgent'] })
      .notNull()
      .default('normal'),
    raisedBy: integer('raised_by').references(() => users.id),
    raisedByName: text('raised_by_name').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    branchId: integer('branch_id').references(() => branches.id),
    handlerPersonId: integer('handler_person_id').references(() => people.id),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    recordId: integer('record_id').references(() => records.id),
    state: text('state', { enum: ['raised', 'accepted', 'solved', 'confirmed'] })
      .notNull()
      .default('raised'),
    solvedOn: date('solved_on', { mode: 'string' }),
    confirmation: text('confirmation', { enum: ['solved', 'partly'] }),
    confirmedOn: date('confirmed_on', { mode: 'string' }),
    satisfaction: integer('satisfaction'),
    confirmComment: text('confirm_comment'),
    /** Set when the committee confirmed for a unit that did not answer in time. */
    confirmedOnBehalfReason: text('confirmed_on_behalf_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('problems_unit').on(t.unitId), index('problems_branch').on(t.branchId)],
);

/** Every step of a problem, append-only: measures, solved, confirmations, reopenings, rechecks. */
export const problemEvents = pgTable(
  'problem_events',
  {
    id: serial('id').primaryKey(),
    problemId: integer('problem_id')
      .notNull()
      .references(() => problems.id),
    type: text('type', {
      enum: [
        'raised',
        'accepted',
        'measure',
        'solved',
        'confirmed',
        'partly_solved',
        'reopened',
        'confirmed_on_behalf',
        // 3 and 6 months after confirmation: whether it came back (common/problem-recheck.ts).
        'recheck',
      ],
    }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    userId: integer('user_id').references(() => users.id),
    data: jsonb('data').notNull().default({}),
  },
  (t) => [
    index('problem_events_problem').on(t.problemId),
    // The indicators count each problem's reopenings: a small index of those events alone.
    index('problem_events_reopened')
      .on(t.problemId)
      .where(sql`type = 'reopened'`),
  ],
);
