import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { grassrootsUnits, branches, companies, people } from './org.js';

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  personId: integer('person_id')
    .unique()
    .references(() => people.id),
  mustChangePassword: boolean('must_change_password').notNull().default(true),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  active: boolean('active').notNull().default(true),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One role held by a user, with its scope (branch, departments or grassroots unit). A committee
 * grant with a company is that company's organ committee (its branches only); without one, the
 * group's committee (every company).
 */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', {
      enum: ['admin', 'committee', 'branch_secretary', 'leader', 'member', 'grassroots_contact'],
    }).notNull(),
    branchId: integer('branch_id').references(() => branches.id),
    grassrootsUnitId: integer('grassroots_unit_id').references(() => grassrootsUnits.id),
    companyId: integer('company_id').references(() => companies.id),
    departmentIds: integer('department_ids')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
  },
  (t) => [index('role_grants_user').on(t.userId)],
);

/**
 * Server-side sessions, shared by every app instance through the database.
 * The id column holds the SHA-256 of the cookie value, so a database dump gives no live session.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /** How the session signed in: only a password session is bound to change an initial password. */
    method: text('method', { enum: ['password', 'oidc', 'ldap', 'dingtalk', 'wecom'] })
      .notNull()
      .default('password'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** Login attempts per client address in a sliding window, shared across instances. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  attempts: integer('attempts').notNull(),
});
