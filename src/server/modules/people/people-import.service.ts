import type { Readable } from 'node:stream';
import { inArray } from 'drizzle-orm';
import type { ImportIssue, ImportResult } from '../../../common/api/ledgers.js';
import { personBody } from '../../../common/api/people.js';
import { branchPostLabels, memberStatusLabels } from '../../../common/enums.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import type { AuthedContext } from '../../lib/actor.js';
import { AppError, isUniqueViolation } from '../../lib/errors.js';
import { writeAudit } from '../../lib/audit.js';
import { cstDate } from '../../lib/dates.js';
import { detectFileType } from '../../lib/file-types.js';
import { people } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { readStructure } from '../org/org.repo.js';
import * as repo from './people.repo.js';
import { applyImportedPosts, type ImportedPost } from './post-terms.js';
import { peopleListScope } from './people.policy.js';
import {
  buildTemplate,
  declaredUnpackedSize,
  EXAMPLE_PREFIX,
  genderByLabel,
  headerOf,
  parseDate,
  postByLabel,
  readImportFile,
  statusByLabel,
  type ImportKey,
  type SheetRow,
} from './people-import.sheet.js';

/** Import files are small (5,000 people fit in well under 1 MB); a larger one is refused unread. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
/** What its parts may unpack to: a 5,000-row file is a few MB; more is a zip bomb, not a roster. */
const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

type Candidate = {
  employeeNo: string;
  name: string;
  gender: 'male' | 'female' | null;
  branchId: number;
  partyGroupId: number | null;
  departmentId: number | null;
  memberStatus: keyof typeof memberStatusLabels;
  branchPost: keyof typeof branchPostLabels | null;
  phone: string | null;
  email: string | null;
  joinedPartyOn: string | null;
};
type Imported = { row: number; value: Candidate; postSince: string | null };
/** The fields an import sets, with the column each comes from (for "what changed"). */
const fieldColumns: [keyof Candidate, ImportKey][] = [
  ['name', 'name'],
  ['gender', 'gender'],
  ['branchId', 'branch'],
  ['partyGroupId', 'partyGroup'],
  ['departmentId', 'department'],
  ['memberStatus', 'memberStatus'],
  ['branchPost', 'branchPost'],
  ['phone', 'phone'],
  ['email', 'email'],
  ['joinedPartyOn', 'joinedPartyOn'],
];
const fieldToColumn: Partial<Record<string, ImportKey>> = Object.fromEntries([
  ['employeeNo', 'employeeNo'],
  ...fieldColumns,
]);

/** Said to a branch about a 工号 held outside its scope: neither the person nor the branch. */
export const EMPLOYEE_NO_TAKEN_ELSEWHERE = '工号已被占用,请联系机关党委核对';

/**
 * Member import from the xlsx template: every row is checked first and all problems are reported
 * by row and column; nothing is written unless the whole file is valid, and then all of it in one
 * transaction. People are matched by 工号 (employee number): a row equal to the stored person
 * changes nothing, so importing the same file twice is harmless.
 */
export class PeopleImportService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db' | 'clock'>) {}

  async template(ctx: AuthedContext): Promise<{ fileName: string; content: Buffer }> {
    const scope = peopleListScope(ctx.actor);
    const structure = await readStructure(this.deps.db);
    const branches = structure.branches.filter((b) => b.active && (scope === 'all' || scope.includes(b.id)));
    const branchIds = new Set(branches.map((b) => b.id));
    const groups = structure.partyGroups.filter((g) => g.active && branchIds.has(g.branchId));
    const firstGroup = groups.find((g) => g.branchId === branches[0]?.id);
    const content = await buildTemplate({
      branches: branches.map((b) => b.name),
      partyGroups: [...new Set(groups.map((g) => g.name))],
      departments: structure.departments.filter((d) => d.active).map((d) => d.name),
      example: {
        employeeNo: `${EXAMPLE_PREFIX}-0001`,
        name: '张三',
        gender: '男',
        branch: branches[0]?.name ?? '',
        partyGroup: firstGroup?.name ?? '',
        department: structure.departments.find((d) => d.active && d.branchId === branches[0]?.id)?.name ?? '',
        memberStatus: '正式党员',
        branchPost: '',
        phone: '13800000000',
        email: 'zhangsan@example.com',
        joinedPartyOn: '2010-07-01',
      },
    });
    return { fileName: '党员信息导入模板.xlsx', content };
  }

  async import(ctx: AuthedContext, fileName: string, stream: Readable): Promise<ImportResult> {
    const scope = peopleListScope(ctx.actor);
    const content = await readLimited(stream, MAX_IMPORT_BYTES).catch((err: unknown) => {
      if (err instanceof AppError || (err as { statusCode?: number }).statusCode) throw err;
      // A body cut short (connection lost, no closing boundary) is the client's problem.
      throw new AppError('VALIDATION_FAILED', [{ path: 'body.file', message: '文件上传不完整,请重试' }]);
    });
    if (!content) {
      throw new AppError(
        'FILE_TOO_LARGE',
        undefined,
        `导入文件过大,不能超过 ${MAX_IMPORT_BYTES / 1048576} MB`,
      );
    }
    if (detectFileType(content)?.ext !== 'xlsx') {
      throw new AppError('FILE_TYPE_REJECTED', undefined, '请上传 xlsx 格式的导入文件(可先下载导入模板)');
    }
    const unpacked = declaredUnpackedSize(content);
    if (unpacked === null || unpacked > MAX_UNPACKED_BYTES) {
      throw new AppError('FILE_TYPE_REJECTED', undefined, '文件无法读取:请确认是 Excel(xlsx)文件且未损坏');
    }
    const parsed = await readImportFile(content).catch(() => {
      throw new AppError('FILE_TYPE_REJECTED', undefined, '文件无法读取:请确认是 Excel(xlsx)文件且未损坏');
    });
    const issues: ImportIssue[] = parsed.problems.map((p) => ({ ...p, value: '' }));
    if (!parsed.rows.length && !issues.length) {
      issues.push({ row: 2, column: headerOf.employeeNo, value: '', message: '文件中没有可导入的人员' });
    }
    if (issues.length) throw new AppError('IMPORT_INVALID', issues);

    return this.apply(ctx, scope, fileName, parsed.rows, issues);
  }

  private async apply(
    ctx: AuthedContext,
    scope: 'all' | number[],
    fileName: string,
    rows: SheetRow[],
    issues: ImportIssue[],
  ): Promise<ImportResult> {
    try {
      return await this.deps.db.transaction(async (tx) => {
        const candidates = await this.validate(tx, scope, rows, issues);
        const existing = await existingByEmployeeNo(
          tx,
          candidates.map((c) => c.value.employeeNo),
        );
        for (const c of candidates) {
          const before = existing.get(c.value.employeeNo);
          if (before && scope !== 'all' && (before.branchId === null || !scope.includes(before.branchId))) {
            // The secretary may not learn whose 工号 it is nor which branch holds it, only that it is
            // taken: the committee, who sees every branch, sorts out a transfer or a typing mistake.
            issues.push({
              row: c.row,
              column: headerOf.employeeNo,
              value: c.value.employeeNo,
              message: EMPLOYEE_NO_TAKEN_ELSEWHERE,
            });
          }
        }
        if (issues.length) throw new AppError('IMPORT_INVALID', sortIssues(issues));

        const result: ImportResult = { created: 0, updated: 0, unchanged: 0, rows: [] };
        const now = this.deps.clock.now();
        // Posts change after every row is written, so a file may hand a post from one to another.
        const posts: ImportedPost[] = [];
        for (const { row, value, postSince: since } of candidates) {
          const before = existing.get(value.employeeNo);
          if (!before) {
            const id = await repo.insertPerson(tx, { ...value, branchPost: null, updatedAt: now });
            posts.push({ row, personId: id, branchId: value.branchId, post: value.branchPost, since });
            await writeAudit(tx, ctx, this.deps.clock, {
              action: 'person.create',
              entityType: 'person',
              entityId: id,
              after: { ...(await repo.getPerson(tx, id)), source: 'import' },
            });
            result.created++;
            result.rows.push({
              row,
              employeeNo: value.employeeNo,
              name: value.name,
              outcome: 'created',
              changed: [],
            });
            continue;
          }
          const changed = fieldColumns.filter(([field]) => (before[field] ?? null) !== value[field]);
          if (!changed.length) {
            result.unchanged++;
            result.rows.push({
              row,
              employeeNo: value.employeeNo,
              name: value.name,
              outcome: 'unchanged',
              changed: [],
            });
            continue;
          }
          const { branchPost: post, ...columns } = value;
          await repo.updatePerson(tx, before.id, { ...columns, updatedAt: now });
          posts.push({ row, personId: before.id, branchId: value.branchId, post, since });
          await writeAudit(tx, ctx, this.deps.clock, {
            action: 'person.update',
            entityType: 'person',
            entityId: before.id,
            before,
            after: { ...(await repo.getPerson(tx, before.id)), source: 'import' },
          });
          result.updated++;
          result.rows.push({
            row,
            employeeNo: value.employeeNo,
            name: value.name,
            outcome: 'updated',
            changed: changed.map(([, column]) => headerOf[column]),
          });
        }
        await applyImportedPosts(tx, ctx, this.deps.clock, posts, issues);
        if (issues.length) throw new AppError('IMPORT_INVALID', sortIssues(issues));
        if (result.created || result.updated) {
          await writeAudit(tx, ctx, this.deps.clock, {
            action: 'person.import',
            entityType: 'person',
            after: {
              fileName: fileName.slice(0, 200),
              created: result.created,
              updated: result.updated,
              unchanged: result.unchanged,
            },
          });
        }
        return result;
      });
    } catch (err) {
      // Someone else created one of the 工号 meanwhile.
      if (isUniqueViolation(err)) throw new AppError('EMPLOYEE_NO_TAKEN');
      throw err;
    }
  }

  /** Turns each row into a person, collecting every problem (row, column, value, message). */
  private async validate(
    tx: Db,
    scope: 'all' | number[],
    rows: SheetRow[],
    issues: ImportIssue[],
  ): Promise<Imported[]> {
    const structure = await readStructure(tx);
    const today = cstDate(this.deps.clock.now());
    const seen = new Map<string, number>();
    const out: Imported[] = [];
    for (const { row, cells } of rows) {
      const before = issues.length;
      const problem = (key: ImportKey, message: string) =>
        issues.push({ row, column: headerOf[key], value: (cells[key] ?? '').slice(0, 100), message });
      const text = (key: ImportKey) => cells[key] ?? '';

      const employeeNo = text('employeeNo');
      if (!employeeNo) problem('employeeNo', '工号不能为空');
      else if (seen.has(employeeNo)) problem('employeeNo', `与第 ${seen.get(employeeNo)} 行的工号重复`);
      else seen.set(employeeNo, row);
      if (!text('name')) problem('name', '姓名不能为空');

      const gender = text('gender') ? (genderByLabel[text('gender')] ?? null) : null;
      if (text('gender') && !gender) problem('gender', '性别只能填“男”或“女”');

      let branchId: number | null = null;
      const branchName = text('branch');
      const branch = structure.branches.find(
        (b) => b.active && (b.name === branchName || b.shortName === branchName),
      );
      if (!branchName) problem('branch', '党支部不能为空');
      else if (!branch) problem('branch', '没有这个党支部(或已停用)');
      else if (scope !== 'all' && !scope.includes(branch.id)) problem('branch', '只能导入本支部的人员');
      else branchId = branch.id;

      let partyGroupId: number | null = null;
      if (text('partyGroup') && branchId !== null) {
        const group = structure.partyGroups.find(
          (g) => g.active && g.branchId === branchId && g.name === text('partyGroup'),
        );
        if (!group) problem('partyGroup', '该党支部下没有这个党小组');
        else partyGroupId = group.id;
      }
      let departmentId: number | null = null;
      if (text('department')) {
        const dept = structure.departments.find((d) => d.active && d.name === text('department'));
        if (!dept) problem('department', '没有这个部门(或已停用)');
        else departmentId = dept.id;
      }
      const memberStatus = statusByLabel[text('memberStatus')];
      if (!text('memberStatus')) problem('memberStatus', '政治面貌不能为空');
      else if (!memberStatus) problem('memberStatus', '政治面貌只能是“正式党员”“预备党员”或“群众”');
      const branchPost = text('branchPost') ? (postByLabel[text('branchPost')] ?? null) : null;
      if (text('branchPost') && !branchPost) problem('branchPost', '支部职务应从下拉列表中选择');
      let joinedPartyOn: string | null = null;
      if (text('joinedPartyOn')) {
        joinedPartyOn = parseDate(text('joinedPartyOn'));
        if (!joinedPartyOn) problem('joinedPartyOn', '入党时间不是有效日期,应如 2010-07-01');
        else if (joinedPartyOn > today) problem('joinedPartyOn', '入党时间不能晚于今天');
      }
      let postSince: string | null = null;
      if (text('postSince')) {
        postSince = parseDate(text('postSince'));
        if (!postSince) problem('postSince', '任职时间不是有效日期,应如 2018-06-28');
        else if (postSince > today) problem('postSince', '任职时间不能晚于今天');
      }
      if (branchPost && memberStatus === 'non_member') problem('branchPost', '群众不能担任支部职务');
      if (issues.length > before) continue;

      // The same rules as the person form (lengths, phone, email), reported against the column.
      const parsed = personBody.safeParse({
        name: text('name'),
        employeeNo,
        gender,
        branchId,
        partyGroupId,
        departmentId,
        memberStatus,
        branchPost,
        phone: text('phone'),
        email: text('email'),
        joinedPartyOn,
      });
      if (!parsed.success) {
        for (const i of parsed.error.issues) {
          const key = fieldToColumn[String(i.path[0])] ?? 'name';
          problem(key, i.message);
        }
        continue;
      }
      const p = parsed.data;
      out.push({
        row,
        value: {
          employeeNo: p.employeeNo!,
          name: p.name,
          gender: p.gender ?? null,
          branchId: branchId!,
          partyGroupId,
          departmentId,
          memberStatus: p.memberStatus,
          branchPost: p.branchPost ?? null,
          phone: p.phone ?? null,
          email: p.email ?? null,
          joinedPartyOn: p.joinedPartyOn ?? null,
        },
        postSince,
      });
    }
    return out;
  }
}

const sortIssues = (issues: ImportIssue[]) => [...issues].sort((a, b) => a.row - b.row);

async function existingByEmployeeNo(db: Db, employeeNos: string[]) {
  const found = new Map<string, typeof people.$inferSelect>();
  for (let i = 0; i < employeeNos.length; i += 1000) {
    const chunk = employeeNos.slice(i, i + 1000);
    if (!chunk.length) continue;
    for (const p of await db.select().from(people).where(inArray(people.employeeNo, chunk))) {
      found.set(p.employeeNo!, p);
    }
  }
  return found;
}

/** The whole upload, or null when it is larger than the limit (the rest is drained unread). */
async function readLimited(stream: Readable, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    // Past the limit the rest is read and dropped, so the request ends cleanly.
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  if (size > limit) return null;
  // @fastify/multipart marks a file cut at its own size limit.
  if ((stream as Readable & { truncated?: boolean }).truncated) return null;
  return Buffer.concat(chunks);
}
