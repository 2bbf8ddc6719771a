import { sql } from 'drizzle-orm';
import { roleGrants } from './schema/index.js';

/**
 * A grant's company branches, read with the grant: a company committee's scope is its company's
 * branches, resolved here once so the policies (shared with the web) need no lookup of their own.
 * Empty for any grant without a company. The grant's column is named with its table on purpose:
 * drizzle writes a column of a one-table query bare, which inside this subquery would be read as
 * the branch's own company_id and match every branch.
 */
export const companyBranchIdsOfGrant = sql<number[]>`coalesce(
  (select array_agg(b.id order by b.id) from branches b where b.company_id = "role_grants"."company_id"),
  '{}'::integer[])`;

/**
 * A grant as the policies read it (the common `Grant`), with its company's branches resolved:
 * the one column list of every query that hands grants to a policy (sessions, accounts, reminders).
 */
export const grantColumns = {
  role: roleGrants.role,
  branchId: roleGrants.branchId,
  grassrootsUnitId: roleGrants.grassrootsUnitId,
  departmentIds: roleGrants.departmentIds,
  companyId: roleGrants.companyId,
  companyBranchIds: companyBranchIdsOfGrant,
};
