import type { z } from 'zod';
import type { ActionKind } from '../../../common/actions.js';
import { recordDataByKind } from '../../../common/api/records.js';
import { AppError } from '../../lib/errors.js';

export type RecordData = Record<string, unknown>;

/** Kinds whose records carry attendance (应到 / 实到). */
export const kindsWithAttendance: ReadonlySet<ActionKind> = new Set(['study', 'theme_day']);

/** Validates the kind-specific fields; problems are reported under body.data.<field>. */
export function parseRecordData(kind: ActionKind, data: unknown): RecordData {
  const parsed = (recordDataByKind[kind] as z.ZodType).safeParse(data);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      parsed.error.issues.map((i) => ({ path: ['body', 'data', ...i.path].join('.'), message: i.message })),
    );
  }
  return parsed.data as RecordData;
}

/**
 * The date that decides which period a record counts for: the activity date, except a revision
 * (the day it was published), a problem (the day it was solved) and publicity (first release).
 * Until that date exists the activity date stands in, so a draft shows under its task.
 */
export function countsOnOf(kind: ActionKind, occurredOn: string, data: RecordData): string {
  if (kind === 'rule_revision') return (data.publishedOn as string | null) ?? occurredOn;
  if (kind === 'grassroots_problem') {
    return (data.confirmedOn as string | null) ?? (data.resolvedOn as string | null) ?? occurredOn;
  }
  if (kind === 'publicity') {
    const dates = ((data.channels as { publishedOn: string }[]) ?? []).map((c) => c.publishedOn).sort();
    return dates[0] ?? occurredOn;
  }
  return occurredOn;
}

export interface ChecklistInput {
  data: RecordData;
  expected: number;
  evidenceKinds: string[];
  /** Revisions: whether the leader in charge approved it (分管领导审核). */
  leaderApproved?: boolean;
}

interface Item {
  key: string;
  label: string;
  labelEn: string;
  done: boolean;
  blocking: boolean;
}

const filled = (v: unknown) => typeof v === 'string' && v.trim().length > 0;
const item = (key: string, label: string, labelEn: string, done: boolean, blocking: boolean): Item => ({
  key,
  label,
  labelEn,
  done,
  blocking,
});

/**
 * What a complete record of each kind holds. Blocking items are the substance (minutes,
 * attendance, publication…); photos are advice only: demanding photos as proof is one of the
 * users' loudest complaints about such systems.
 */
export function checklistOf(kind: ActionKind, c: ChecklistInput): Item[] {
  const d = c.data;
  const hasPhoto = c.evidenceKinds.includes('photo');
  switch (kind) {
    case 'study':
      return [
        item('attendance', '已登记应到人员及出勤情况', 'Attendance recorded', c.expected > 0, true),
        item('minutes', '已填写会议记录或研讨要点', 'Minutes written', filled(d.minutes), true),
        item('host', '已填写主持人', 'Host named', d.hostPersonId != null, false),
        item('materials', '已填写学习内容', 'Materials listed', filled(d.materials), false),
        item(
          'photo_or_sheet',
          '已上传现场照片或签到表',
          'Photo or sign-in sheet attached',
          hasPhoto || c.evidenceKinds.includes('sign_in_sheet'),
          false,
        ),
      ];
    case 'theme_day':
      return [
        item('attendance', '已登记应到人员及出勤情况', 'Attendance recorded', c.expected > 0, true),
        item('summary', '已填写活动小结', 'Summary written', filled(d.summary), true),
        item('place', '已填写活动地点', 'Place given', filled(d.place), false),
        item('photo', '已上传活动照片', 'Photo attached', hasPhoto, false),
      ];
    case 'rule_revision':
      return [
        item('gap', '已说明发现的漏洞或不足', 'Gap described', filled(d.gap), true),
        item('change', '已填写修订内容摘要', 'Change summarised', filled(d.changeSummary), true),
        item('leader', '分管领导已审核同意', 'Approved by the leader in charge', !!c.leaderApproved, true),
        item(
          'published',
          '已填写发布日期和文号',
          'Publication date and number',
          !!d.publishedOn && filled(d.documentNo),
          true,
        ),
        item('opinions', '已记录征求意见情况', 'Opinions recorded', filled(d.opinionsSolicited), false),
        item('document', '已上传制度文本', 'Rule text attached', c.evidenceKinds.includes('document'), false),
      ];
    case 'grassroots_problem':
      return [
        item('unit', '已选择基层单位', 'Grassroots unit chosen', d.unitId != null, true),
        item(
          'measures',
          '已记录至少一项解决措施',
          'At least one measure',
          ((d.measures as unknown[]) ?? []).length > 0,
          true,
        ),
        item(
          'resolved',
          '已填写解决日期和结果',
          'Resolution date and outcome',
          !!d.resolvedOn && filled(d.outcome),
          true,
        ),
        // A problem from the register counts only once its unit has confirmed it solved.
        ...(d.problemId
          ? [item('confirmed', '基层单位已确认解决', 'Confirmed solved by the unit', !!d.confirmedOn, true)]
          : []),
      ];
    case 'publicity': {
      const channels = (d.channels as { link: string }[]) ?? [];
      return [
        item('channel', '已登记至少一个发布渠道', 'Published on a channel', channels.length > 0, true),
        item(
          'links',
          '各渠道已填写链接或期号',
          'Link or issue number for each channel',
          channels.length > 0 && channels.every((ch) => filled(ch.link)),
          false,
        ),
        item('highlights', '已填写宣传亮点', 'Highlights written', filled(d.highlights), false),
      ];
    }
    case 'optional':
      return [
        item('novelty', '已说明创新之处', 'What is new', filled(d.novelty), false),
        item('evidence', '已上传佐证材料', 'Evidence attached', c.evidenceKinds.length > 0, false),
      ];
  }
}

/** Fields that usually repeat month to month, offered by “start from last month's”. */
export const repeatableFields: Record<ActionKind, string[]> = {
  study: ['form', 'mode', 'place', 'materialKinds', 'hostPersonId', 'recorderPersonId'],
  theme_day: ['place', 'hostPersonId', 'theme', 'activity'],
  rule_revision: ['ruleType', 'departmentId', 'releaseForm'],
  grassroots_problem: ['unitId', 'category'],
  publicity: ['kind', 'author'],
  optional: ['category'],
};
