import { and, asc, eq, gte, inArray, notExists, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { definedOnly, isEmpty } from '../../db/values.js';
import { campaignActionKinds, campaignBranches, campaigns, records, tasks } from '../../db/schema/index.js';
import { scoringRules, type ActionKindConfig, type Campaign } from '../../../common/api/campaigns.js';

export type CampaignRow = typeof campaigns.$inferSelect;
export type ActionKindRow = typeof campaignActionKinds.$inferSelect;

export async function listCampaignRows(db: Db): Promise<CampaignRow[]> {
  return db.select().from(campaigns).orderBy(asc(campaigns.year), asc(campaigns.id));
}

export async function findCampaignRow(db: Db, id: number): Promise<CampaignRow | undefined> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  return row;
}

export async function kindsOf(db: Db, campaignIds: number[]): Promise<ActionKindRow[]> {
  if (!campaignIds.length) return [];
  return db
    .select()
    .from(campaignActionKinds)
    .where(inArray(campaignActionKinds.campaignId, campaignIds))
    .orderBy(asc(campaignActionKinds.sortOrder), asc(campaignActionKinds.id));
}

export async function branchesOf(db: Db, campaignIds: number[]) {
  if (!campaignIds.length) return [];
  return db.select().from(campaignBranches).where(inArray(campaignBranches.campaignId, campaignIds));
}

export function toCampaign(row: CampaignRow, kinds: ActionKindRow[], branchIds: number[]): Campaign {
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    months: row.months,
    watchwords: row.watchwords,
    status: row.status,
    branchIds: [...branchIds].sort((a, b) => a - b),
    actionKinds: kinds.map((k) => ({
      id: k.id,
      kind: k.kind,
      title: k.title,
      required: k.required,
      requiredCount: k.requiredCount,
      period: k.period,
      graceDays: k.graceDays,
      points: k.points,
    })),
    optionalBonusCap: row.optionalBonusCap,
    branchesSeeRanking: row.branchesSeeRanking,
    // Stored rules are completed with today's defaults, so older campaigns keep working.
    scoring: scoringRules.parse(row.scoring ?? {}),
    copiedFromId: row.copiedFromId,
    startedAt: row.startedAt?.toISOString() ?? null,
  };
}

export async function loadCampaign(db: Db, id: number): Promise<Campaign | undefined> {
  const row = await findCampaignRow(db, id);
  if (!row) return undefined;
  const [kinds, branches] = await Promise.all([kindsOf(db, [id]), branchesOf(db, [id])]);
  return toCampaign(
    row,
    kinds,
    branches.map((b) => b.branchId),
  );
}

export async function insertCampaign(db: Db, values: typeof campaigns.$inferInsert): Promise<number> {
  const [row] = await db.insert(campaigns).values(values).returning({ id: campaigns.id });
  return row!.id;
}

export async function updateCampaignRow(db: Db, id: number, values: Partial<typeof campaigns.$inferInsert>) {
  const set = definedOnly(values);
  if (!isEmpty(set)) await db.update(campaigns).set(set).where(eq(campaigns.id, id));
}

export async function setBranches(db: Db, campaignId: number, branchIds: number[]): Promise<void> {
  await db.delete(campaignBranches).where(eq(campaignBranches.campaignId, campaignId));
  if (branchIds.length) {
    await db.insert(campaignBranches).values(branchIds.map((branchId) => ({ campaignId, branchId })));
  }
}

/** Upserts kinds by (campaign, kind). Kinds no longer listed are kept if tasks or records use them. */
export async function saveKinds(db: Db, campaignId: number, kinds: ActionKindConfig[]): Promise<void> {
  for (const [i, k] of kinds.entries()) {
    await db
      .insert(campaignActionKinds)
      .values({ ...k, campaignId, sortOrder: i })
      .onConflictDoUpdate({
        target: [campaignActionKinds.campaignId, campaignActionKinds.kind],
        set: { ...k, sortOrder: i },
      });
  }
}

export async function tasksOfCampaign(db: Db, campaignId: number) {
  return db.select().from(tasks).where(eq(tasks.campaignId, campaignId));
}

export async function insertTasks(db: Db, rows: (typeof tasks.$inferInsert)[]): Promise<number> {
  if (!rows.length) return 0;
  const inserted = await db
    .insert(tasks)
    .values(rows)
    .onConflictDoNothing({ target: [tasks.campaignId, tasks.branchId, tasks.actionKindId, tasks.periodKey] })
    .returning({ id: tasks.id });
  return inserted.length;
}

/**
 * Tasks a change of a running campaign may still touch: no record refers to them and their
 * period has not ended. Everything else is history and stays as it was.
 */
export async function untouchedTaskIds(db: Db, campaignId: number, today: string): Promise<Set<number>> {
  const rows = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(
      and(
        eq(tasks.campaignId, campaignId),
        gte(tasks.periodEnd, today),
        notExists(
          db
            .select({ one: sql`1` })
            .from(records)
            .where(eq(records.taskId, tasks.id)),
        ),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

export async function deleteTasks(db: Db, ids: number[]): Promise<void> {
  if (ids.length) await db.delete(tasks).where(inArray(tasks.id, ids));
}

export async function deleteKinds(db: Db, campaignId: number, keepKinds: string[]): Promise<void> {
  await db
    .delete(campaignActionKinds)
    .where(
      and(
        eq(campaignActionKinds.campaignId, campaignId),
        notInArray(campaignActionKinds.kind, keepKinds as never[]),
      ),
    );
}

export async function updateTaskDue(db: Db, id: number, values: Partial<typeof tasks.$inferInsert>) {
  await db.update(tasks).set(values).where(eq(tasks.id, id));
}
