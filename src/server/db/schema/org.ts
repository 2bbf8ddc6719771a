import { sql } from 'drizzle-orm';
import { branchPosts } from '../../../common/enums.js';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** The one organisation this installation serves (company HQ with its organ Party committee). */
export const organisation = pgTable('organisation', {
  id: integer('id').primaryKey().default(1),
  name: text('name').notNull(),
  committeeName: text('committee_name').notNull().default('机关党委'),
  /** The full name issued documents are signed with (中共××公司机关委员会); null: derived. */
  committeeFullName: text('committee_full_name'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The companies of the group, each with its own organ Party committee over its own branches. A
 * one-company installation has exactly one (id 1, made at setup with the organisation's name) and
 * never shows the company level; a group adds the others.
 */
export const companies = pgTable('companies', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  shortName: text('short_name'),
  committeeName: text('committee_name').notNull().default('机关党委'),
  /** The full name the company's committee signs with (中共××公司机关委员会); null: derived. */
  committeeFullName: text('committee_full_name'),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const branches = pgTable('branches', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  /** Defaults to the first company: where there is one, nothing that makes a branch names it. */
  companyId: integer('company_id')
    .notNull()
    .default(1)
    .references(() => companies.id),
  shortName: text('short_name'),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const partyGroups = pgTable(
  'party_groups',
  {
    id: serial('id').primaryKey(),
    branchId: integer('branch_id')
      .notNull()
      .references(() => branches.id),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('party_groups_branch_name').on(t.branchId, t.name)],
);

/** Functional departments and business centres; each belongs to one branch. */
export const departments = pgTable('departments', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  kind: text('kind', { enum: ['department', 'business_centre'] }).notNull(),
  branchId: integer('branch_id').references(() => branches.id),
  active: boolean('active').notNull().default(true),
});

/** Grassroots units outside the HQ: 事业部, 分公司, 项目部. */
export const grassrootsUnits = pgTable('grassroots_units', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  kind: text('kind', { enum: ['division', 'subsidiary', 'project'] }).notNull(),
  active: boolean('active').notNull().default(true),
});

/** People of the HQ: Party members and non-member staff. Never hard-deleted: records refer to them. */
export const people = pgTable(
  'people',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    employeeNo: text('employee_no').unique(),
    gender: text('gender', { enum: ['male', 'female'] }),
    branchId: integer('branch_id').references(() => branches.id),
    partyGroupId: integer('party_group_id').references(() => partyGroups.id),
    departmentId: integer('department_id').references(() => departments.id),
    memberStatus: text('member_status', { enum: ['full', 'probationary', 'non_member'] }).notNull(),
    /** The post of the person's open term in branch_post_terms, kept in sync by every change of it. */
    branchPost: text('branch_post', { enum: branchPosts }),
    phone: text('phone'),
    email: text('email'),
    joinedPartyOn: date('joined_party_on', { mode: 'string' }),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('people_branch').on(t.branchId),
    index('people_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);

/**
 * Who sat on a branch committee, and when: one row per post held, from its first day to its last
 * (both inclusive; no end while it is held). Who is expected at a 支委会 is read from here as of the
 * meeting's date, so a former post holder is not expected at later meetings. Neither end lies in
 * the future: a post is recorded when it begins and ended when it ends, so the open term is the
 * current post and people.branch_post cannot drift from it.
 */
export const branchPostTerms = pgTable(
  'branch_post_terms',
  {
    id: serial('id').primaryKey(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    branchId: integer('branch_id')
      .notNull()
      .references(() => branches.id),
    post: text('post', { enum: branchPosts }).notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('branch_post_terms_person').on(t.personId),
    index('branch_post_terms_branch').on(t.branchId, t.startedOn),
    check('branch_post_terms_dates', sql`${t.endedOn} IS NULL OR ${t.endedOn} >= ${t.startedOn}`),
  ],
);

/**
 * Where people came, went and moved in the organisation, with the day it happened: one row per
 * change the company directory's sync made (a person first found there, added, moved to another
 * branch or department, gone from it, moved outside the branches, back again). The person stays;
 * a row here says when and from where. A person with rows is kept by the directory: the next
 * sync that does not find them marks them left.
 */
export const personMoves = pgTable(
  'person_moves',
  {
    id: serial('id').primaryKey(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    kind: text('kind', {
      enum: ['linked', 'joined', 'moved', 'left', 'transferred', 'returned'],
    }).notNull(),
    fromBranchId: integer('from_branch_id').references(() => branches.id),
    toBranchId: integer('to_branch_id').references(() => branches.id),
    fromDepartmentId: integer('from_department_id').references(() => departments.id),
    toDepartmentId: integer('to_department_id').references(() => departments.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('person_moves_person').on(t.personId, t.id)],
);
