import type { z } from 'zod';
import type { publicityQuery, PublicityItem } from '../../../common/api/publicity.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import type { AuthedContext } from '../../lib/actor.js';
import { forbidden } from '../../lib/errors.js';
import { recordScope } from '../records/records.policy.js';
import { publicityChannelList } from '../settings/settings.service.js';
import * as repo from './publicity.repo.js';

interface PublicityData {
  kind?: PublicityItem['kind'];
  author?: string;
  highlights?: string;
  channels?: {
    channel: string;
    publishedOn: string;
    link?: string;
    views?: number | null;
    likes?: number | null;
  }[];
  relatedRecordIds?: number[];
}

/**
 * The publicity register (新闻宣传台账): every item of the branches the caller sees, with its
 * channels, the activities it reports on and its reach (for information, never scored).
 */
export class PublicityService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db'>) {}

  async list(ctx: AuthedContext, q: z.output<typeof publicityQuery>): Promise<{ items: PublicityItem[] }> {
    const { db } = this.deps;
    const scope = recordScope(ctx.actor);
    // Leaders in charge and grassroots contacts see revisions or problems, not a branch's publicity.
    if (!scope.all && !scope.branchIds.length) throw forbidden();
    // Another branch's register is simply empty: nothing says whether it has any.
    if (q.branchId && !scope.all && !scope.branchIds.includes(q.branchId)) return { items: [] };
    const rows = await repo.publicityRecords(db, scope.all ? 'all' : scope.branchIds, q);
    const labels = new Map((await publicityChannelList(db)).map((c) => [c.code, c.label]));
    const relatedIds = [
      ...new Set(rows.flatMap((r) => (r.record.data as PublicityData).relatedRecordIds ?? [])),
    ];
    const related = new Map((await repo.recordTitles(db, relatedIds)).map((r) => [r.id, r]));

    const items = rows.map(({ record, branchName }): PublicityItem => {
      const d = record.data as PublicityData;
      return {
        recordId: record.id,
        campaignId: record.campaignId,
        branchId: record.branchId,
        branchName,
        title: record.title,
        kind: d.kind ?? null,
        author: d.author ?? '',
        status: record.status,
        periodKey: record.periodKey,
        highlights: d.highlights ?? '',
        channels: (d.channels ?? []).map((c) => ({
          channel: c.channel,
          label: labels.get(c.channel) ?? c.channel,
          publishedOn: c.publishedOn,
          link: c.link ?? '',
          views: c.views ?? null,
          likes: c.likes ?? null,
        })),
        related: (d.relatedRecordIds ?? [])
          .map((id) => related.get(id))
          // Only the item's own branch's activities can be linked; checked again when reading.
          .filter((r) => r !== undefined && r.branchId === record.branchId)
          .map((r) => ({ recordId: r!.id, kind: r!.kind, title: r!.title })),
      };
    });
    return {
      items: items.filter((i) => {
        const releases = q.channel ? i.channels.filter((c) => c.channel === q.channel) : i.channels;
        if (q.channel && !releases.length) return false;
        return !q.month || releases.some((c) => c.publishedOn.startsWith(q.month!));
      }),
    };
  }
}
