import type { Channel } from '../../../common/api/settings.js';
import { publicityChannelLabels, publicityChannels } from '../../../common/actions.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { seesAllBranches, type AuthedContext } from '../../lib/actor.js';
import { AppError, forbidden } from '../../lib/errors.js';
import { writeAudit } from '../../lib/audit.js';
import type { Db } from '../../db/client.js';
import * as repo from './settings.repo.js';

/** A stored setting, or null when none was saved: the organisation-wide key-value store. */
export async function getSetting<T>(db: Db, key: string): Promise<T | null> {
  return repo.getSetting<T>(db, key);
}

export async function setSetting(db: Db, key: string, value: unknown): Promise<void> {
  await repo.setSetting(db, key, value);
}

const KEY = 'publicity_channels';
export const defaultChannels: Channel[] = publicityChannels.map((code) => ({
  code,
  label: publicityChannelLabels[code].zh,
  active: true,
}));

export async function publicityChannelList(db: Db): Promise<Channel[]> {
  return (await getSetting<Channel[]>(db, KEY)) ?? defaultChannels;
}

/** Organisation-wide settings the committee maintains, e.g. the publicity channels. */
export class SettingsService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db' | 'clock'>) {}

  async channels(_ctx: AuthedContext): Promise<{ channels: Channel[] }> {
    return { channels: await publicityChannelList(this.deps.db) };
  }

  /** Channels are retired (inactive), never removed: old items still name them. */
  async saveChannels(ctx: AuthedContext, channels: Channel[]): Promise<{ channels: Channel[] }> {
    if (!seesAllBranches(ctx.actor)) throw forbidden();
    await this.deps.db.transaction(async (tx) => {
      const before = await publicityChannelList(tx);
      const dropped = before.filter((b) => !channels.some((c) => c.code === b.code));
      if (dropped.length) {
        throw new AppError('VALIDATION_FAILED', [
          {
            path: 'body.channels',
            message: `渠道不能删除,只能停用:${dropped.map((d) => d.label).join('、')}`,
          },
        ]);
      }
      await setSetting(tx, KEY, channels);
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'settings.publicity_channels',
        entityType: 'settings',
        entityId: KEY,
        before,
        after: channels,
      });
    });
    return { channels };
  }
}
