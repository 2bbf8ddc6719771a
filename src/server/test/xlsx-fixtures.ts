import ExcelJS from 'exceljs';

/** Header of the member import template, as the template writes it. */
export const importHeader = [
  '工号*',
  '姓名*',
  '性别',
  '党支部*',
  '党小组',
  '部门',
  '政治面貌*',
  '支部职务',
  '电话',
  '电子邮箱',
  '入党时间',
  '任职时间',
];

/** An xlsx member import file with the template's header and the given rows (cells in header order). */
export async function importFile(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('党员信息');
  sheet.addRow(importHeader);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads an xlsx answer back (exceljs), for checks on its content. */
export async function readXlsx(content: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  return workbook;
}
