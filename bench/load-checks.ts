import pg from 'pg';

/**
 * After the run: nothing lost, nothing written or sent twice. Read straight from the database the
 * instances shared.
 */

/** One secretary connection's saves of its own draft, as the load client saw them. */
export interface SaveLedger {
  recordId: number;
  /** The version the draft had before the run. */
  startVersion: number;
  /** Saves sent (each one PUT with the version last acknowledged). */
  sent: number;
  /** Saves answered 200. */
  acknowledged: number;
  /** The version of the last acknowledged save. */
  lastAckVersion: number;
}

export interface Integrity {
  saves: {
    acknowledged: number;
    /** Drafts whose stored version is older than an acknowledged save: a save was lost. */
    lost: number;
    /** Drafts that moved more often than saves were sent: a save was applied twice. */
    twice: number;
    /** Saves applied without an acknowledgement reaching the client (cut off by the kill). */
    appliedUnacknowledged: number;
  };
  reminders: {
    day: string;
    reminders: number;
    deliveries: number;
    deliveriesRetried: number;
    inApp: number;
    /** Recipients with more than one in-app digest for the day: a reminder sent twice. */
    sentTwice: number;
  };
}

const cstDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export async function checkIntegrity(url: string, ledgers: SaveLedger[], since: Date): Promise<Integrity> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number; version: number }>(
      'select id, version from records where id = any($1::int[])',
      [ledgers.map((l) => l.recordId)],
    );
    const stored = new Map(rows.map((r) => [r.id, r.version]));
    const saves = { acknowledged: 0, lost: 0, twice: 0, appliedUnacknowledged: 0 };
    for (const l of ledgers) {
      const v = stored.get(l.recordId) ?? -1;
      saves.acknowledged += l.acknowledged;
      if (v < l.lastAckVersion) saves.lost++;
      if (v - l.startVersion > l.sent) saves.twice++;
      saves.appliedUnacknowledged += Math.max(0, v - l.startVersion - l.acknowledged);
    }
    const day = cstDay(since);
    const one = async (sql: string, params: unknown[]) =>
      Number((await client.query<{ n: string }>(sql, params)).rows[0]!.n);
    const reminders = {
      day,
      reminders: await one('select count(*) n from reminders where day = $1', [day]),
      deliveries: await one('select count(*) n from notification_deliveries where day = $1', [day]),
      deliveriesRetried: await one(
        'select count(*) n from notification_deliveries where day = $1 and attempts > 1',
        [day],
      ),
      inApp: await one('select count(*) n from notifications where created_at >= $1', [since]),
      // A digest's title names its day, so two notifications of one title to one user since the
      // run began are the same day's reminders delivered twice.
      sentTwice: await one(
        `select count(*) n from (select user_id, title from notifications where created_at >= $1
           group by user_id, title having count(*) > 1) t`,
        [since],
      ),
    };
    return { saves, reminders };
  } finally {
    await client.end();
  }
}
