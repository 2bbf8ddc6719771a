import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { publicityChannelList } from '../settings/settings.service.js';
import { recordsOfBranch } from './references.repo.js';

/**
 * A publicity item names channels from the configured list (active ones for new releases) and
 * may point to the branch's own activities it reports on.
 */
export async function checkPublicity(db: Db, data: Record<string, unknown>, branchId: number): Promise<void> {
  const channels = await publicityChannelList(db);
  const known = new Map(channels.map((c) => [c.code, c]));
  const used = (data.channels as { channel: string }[]) ?? [];
  const bad = used.findIndex((c) => !known.has(c.channel));
  if (bad >= 0) {
    throw new AppError('VALIDATION_FAILED', [
      { path: `body.data.channels.${bad}.channel`, message: '未配置的宣传渠道' },
    ]);
  }
  const related = (data.relatedRecordIds as number[]) ?? [];
  if (related.length) {
    const found = await recordsOfBranch(db, related, branchId);
    if (found.size !== new Set(related).size) {
      throw new AppError('INVALID_REFERENCE', undefined, '关联的活动记录不存在或不属于本支部');
    }
  }
}
