import ExcelJS from 'exceljs';
import { branchPostLabels, memberStatusLabels } from '../../../common/enums.js';

/**
 * The member import file: one sheet, a header row of Chinese column names (marked * when
 * required), one row per person. Columns are found by their header, so their order may change.
 */
export const importColumns = [
  { key: 'employeeNo', header: '工号', required: true, width: 12 },
  { key: 'name', header: '姓名', required: true, width: 9 },
  { key: 'gender', header: '性别', required: false, width: 6 },
  { key: 'branch', header: '党支部', required: true, width: 15 },
  { key: 'partyGroup', header: '党小组', required: false, width: 12 },
  { key: 'department', header: '部门', required: false, width: 15 },
  { key: 'memberStatus', header: '政治面貌', required: true, width: 10 },
  { key: 'branchPost', header: '支部职务', required: false, width: 10 },
  { key: 'phone', header: '电话', required: false, width: 13 },
  { key: 'email', header: '电子邮箱', required: false, width: 14 },
  { key: 'joinedPartyOn', header: '入党时间', required: false, width: 11 },
  // Last, so files made from the earlier template still line up; found by header in any case.
  { key: 'postSince', header: '任职时间', required: false, width: 10 },
] as const;
export type ImportKey = (typeof importColumns)[number]['key'];
export const headerOf = Object.fromEntries(importColumns.map((c) => [c.key, c.header])) as Record<
  ImportKey,
  string
>;

export const SHEET_NAME = '党员信息';
/** Rows whose 工号 starts with this are the template's example and are skipped. */
export const EXAMPLE_PREFIX = '示例';
export const MAX_ROWS = 5000;

export const genderByLabel: Record<string, 'male' | 'female'> = { 男: 'male', 女: 'female' };
export const genderLabel = { male: '男', female: '女' } as const;
export const statusByLabel = Object.fromEntries(
  Object.entries(memberStatusLabels).map(([k, v]) => [v.zh, k]),
) as Record<string, keyof typeof memberStatusLabels>;
export const postByLabel = Object.fromEntries(
  Object.entries(branchPostLabels).map(([k, v]) => [v.zh, k]),
) as Record<string, keyof typeof branchPostLabels>;

interface DataValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

export interface TemplateChoices {
  branches: string[];
  partyGroups: string[];
  departments: string[];
  example: Partial<Record<ImportKey, string>>;
}

/** The downloadable template: header, one example row, drop-down lists for the fixed values. */
export async function buildTemplate(choices: TemplateChoices): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '对标';
  // Printed as filled in, for the branch to check and sign: A4 landscape at full size, the
  // header row on every page, pages numbered; the guide on A4 portrait.
  const sheet = workbook.addWorksheet(SHEET_NAME, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: false,
      scale: 100,
      printTitlesRow: '1:1',
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页' },
  });
  const options = workbook.addWorksheet('选项', { state: 'hidden' });
  const guide = workbook.addWorksheet('填写说明', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: false, scale: 100 },
  });

  sheet.columns = importColumns.map((c) => ({
    header: `${c.header}${c.required ? '*' : ''}`,
    // Together one A4 landscape page wide; a longer name (a department's) wraps.
    width: c.width,
    style: { alignment: { wrapText: true, vertical: 'top' } },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell, col) => {
    cell.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: importColumns[col - 1]!.required ? 'FFF2DCDB' : 'FFEFEFEF' },
    };
  });
  const example = sheet.addRow(importColumns.map((c) => choices.example[c.key] ?? ''));
  example.font = { color: { argb: 'FF808080' }, italic: true };
  // Phone numbers and employee numbers are text: a leading zero must survive.
  for (const key of ['employeeNo', 'phone'] as const) {
    sheet.getColumn(importColumns.findIndex((c) => c.key === key) + 1).numFmt = '@';
  }
  sheet.getColumn(importColumns.findIndex((c) => c.key === 'joinedPartyOn') + 1).numFmt = 'yyyy-mm-dd';

  // exceljs has data validations on worksheets at runtime; its typings lack them.
  const validations = (sheet as unknown as { dataValidations: DataValidations }).dataValidations;
  // Lists longer than Excel's 255-character limit live on the hidden sheet and are referenced.
  const lists: [ImportKey, string[]][] = [
    ['gender', ['男', '女']],
    ['branch', choices.branches],
    ['partyGroup', choices.partyGroups],
    ['department', choices.departments],
    ['memberStatus', Object.values(memberStatusLabels).map((l) => l.zh)],
    ['branchPost', Object.values(branchPostLabels).map((l) => l.zh)],
  ];
  lists.forEach(([key, values], i) => {
    const letter = String.fromCharCode(65 + i);
    options.getCell(`${letter}1`).value = headerOf[key];
    values.forEach((v, j) => (options.getCell(`${letter}${j + 2}`).value = v));
    if (!values.length) return;
    const col = String.fromCharCode(65 + importColumns.findIndex((c) => c.key === key));
    validations.add(`${col}2:${col}${MAX_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`选项!$${letter}$2:$${letter}$${values.length + 1}`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: headerOf[key],
      error: `请从下拉列表中选择${headerOf[key]}`,
    });
  });
  for (const key of ['joinedPartyOn', 'postSince'] as const) {
    const dateCol = String.fromCharCode(65 + importColumns.findIndex((c) => c.key === key));
    validations.add(`${dateCol}2:${dateCol}${MAX_ROWS + 1}`, {
      type: 'date',
      operator: 'greaterThan',
      allowBlank: true,
      formulae: [new Date(Date.UTC(1921, 6, 1))],
      showErrorMessage: true,
      error: '请填写日期,如 2010-07-01',
    });
  }

  // As wide as A4 portrait holds between its margins; a longer line wraps.
  guide.columns = [{ width: 88, style: { alignment: { wrapText: true, vertical: 'top' } } }];
  for (const line of [
    '党员信息导入说明',
    '1. 在“党员信息”工作表中每行填写一人;带 * 的列必须填写。',
    `2. 第 2 行是示例(工号以“${EXAMPLE_PREFIX}”开头),导入时会被跳过,可保留也可删除。`,
    '3. 性别、党支部、党小组、部门、政治面貌、支部职务请从下拉列表中选择。',
    '4. 工号是每个人的唯一标识:系统中已有该工号的人员会按文件内容更新,没有的会新增。',
    '5. 同一文件重复导入不会产生重复人员;没有变化的行保持不变。',
    '6. 文件中任何一行有错误时,系统会列出所有错误(行号、列名),整份文件都不会导入。',
    `7. 每次最多导入 ${MAX_ROWS} 行;入党时间填日期,如 2010-07-01。`,
    '8. 支部职务为现任职务;任职时间是担任该职务的第一天(不填为导入当天)。职务变化时,原职务在新职务任职前一天结束;不填支部职务即结束其现任职务。任职经历可在人员详情中查看和修改。',
  ]) {
    guide.addRow([line]);
  }
  guide.getRow(1).font = { bold: true, size: 14 };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A row of the file as text by column key, with the spreadsheet row number. */
export interface SheetRow {
  row: number;
  cells: Partial<Record<ImportKey, string>>;
}

export interface ParsedSheet {
  rows: SheetRow[];
  /** Problems with the file as a whole: missing columns, too many rows. */
  problems: { row: number; column: string; message: string }[];
}

const normaliseHeader = (s: string) => s.replace(/[*\s*]/g, '');

/** A cell's value as the text the user sees; dates as YYYY-MM-DD. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
    if ('error' in value) return '';
    return '';
  }
  return String(value).trim();
}

/**
 * The total size an xlsx (a zip) declares its parts to have when unpacked, from the zip's central
 * directory; null when the directory cannot be read. A small upload that unpacks to gigabytes
 * (a zip bomb) is refused before any of it is inflated.
 */
export function declaredUnpackedSize(zip: Buffer): number | null {
  const from = Math.max(0, zip.length - 22 - 65_535);
  let eocd = -1;
  for (let i = zip.length - 22; i >= from; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return null;
    const size = zip.readUInt32LE(at + 24);
    // 0xFFFFFFFF means a Zip64 size: far beyond any member list.
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}

/** Reads the first sheet (or the one named 党员信息): finds the header row, then every non-empty row. */
export async function readImportFile(content: Buffer): Promise<ParsedSheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(SHEET_NAME) ?? workbook.worksheets[0];
  if (!sheet) return { rows: [], problems: [{ row: 1, column: '', message: '文件中没有工作表' }] };

  let headerRow = 0;
  const columnOf = new Map<ImportKey, number>();
  for (let r = 1; r <= Math.min(sheet.rowCount, 5) && !headerRow; r++) {
    const found = new Map<ImportKey, number>();
    sheet.getRow(r).eachCell((cell, col) => {
      const text = normaliseHeader(cellText(cell.value));
      const column = importColumns.find((c) => c.header === text);
      if (column && !found.has(column.key)) found.set(column.key, col);
    });
    if (found.has('employeeNo') && found.has('name')) {
      headerRow = r;
      for (const [k, v] of found) columnOf.set(k, v);
    }
  }
  if (!headerRow) {
    return {
      rows: [],
      problems: [
        { row: 1, column: '工号', message: '找不到表头行:请使用系统提供的导入模板(表头含“工号”“姓名”)' },
      ],
    };
  }
  const problems: ParsedSheet['problems'] = importColumns
    .filter((c) => c.required && !columnOf.has(c.key))
    .map((c) => ({ row: headerRow, column: c.header, message: `缺少“${c.header}”列` }));

  const rows: SheetRow[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const excelRow = sheet.getRow(r);
    const cells: SheetRow['cells'] = {};
    let empty = true;
    for (const [key, col] of columnOf) {
      const text = cellText(excelRow.getCell(col).value);
      if (text) {
        cells[key] = text;
        empty = false;
      }
    }
    if (empty || cells.employeeNo?.startsWith(EXAMPLE_PREFIX)) continue;
    if (rows.length >= MAX_ROWS) {
      problems.push({ row: r, column: '', message: `每次最多导入 ${MAX_ROWS} 行,请分批导入` });
      break;
    }
    rows.push({ row: r, cells });
  }
  return { rows, problems };
}

/** Dates as people type them: 2010-07-01, 2010/7/1, 2010.7.1, 2010年7月1日. */
export function parseDate(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}
