import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';

/**
 * A document as plain blocks, rendered to Word by `renderDocx`. The generators produce blocks, so
 * tests and the PDF cache can look at content without unzipping, and every document shares one
 * official-document layout (GB/T 9704 feel: A4, wide margins, bold serif title, 黑体-like
 * headings, 仿宋-like body on a fixed 28 pt line).
 */
export type Block =
  | { t: 'title'; text: string }
  | { t: 'subtitle'; text: string }
  | { t: 'heading'; text: string }
  | { t: 'para'; text: string; lead?: string; indent?: boolean }
  | { t: 'table'; header: string[]; rows: string[][]; widths?: number[] }
  | { t: 'form'; rows: [string, string][] }
  | { t: 'signature'; lines: string[] }
  | { t: 'note'; text: string };

export interface DocModel {
  title: string;
  blocks: Block[];
}

/**
 * Fonts that exist where documents are read: Noto CJK (fonts-noto-cjk) on Linux and LibreOffice;
 * the font table names 宋体 / 黑体 as the alternative, so Word on Windows without Noto falls back
 * to the faces every Chinese Windows has.
 */
const SERIF = 'Noto Serif CJK SC';
const SANS = 'Noto Sans CJK SC';
const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

/** Half-points: 二号 22 pt for the title, 三号 16 pt for text, 五号 10.5 pt in tables and notes. */
const SIZE = { title: 44, heading: 32, body: 32, table: 21, note: 21 };
/** Twips: a fixed 28 pt line, and 2 characters of 16 pt as the first-line indent. */
const LINE = 560;
const INDENT = 640;
const mm = (n: number) => Math.round(n * 56.7);

const fontTable = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:font w:name="${SERIF}"><w:altName w:val="宋体"/><w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
  <w:font w:name="${SANS}"><w:altName w:val="黑体"/><w:charset w:val="86"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>
  <w:font w:name="宋体"><w:altName w:val="SimSun"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>
  <w:font w:name="黑体"><w:altName w:val="SimHei"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
</w:fonts>`;

const CJK = '[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef\\u201c\\u201d]';
const FULL: Record<string, string> = {
  ',': '\uff0c',
  ':': '\uff1a',
  ';': '\uff1b',
  '?': '\uff1f',
  '!': '\uff01',
};
const nextToCjk = new RegExp(`(?<=${CJK})[,:;?!]|[,:;?!](?=${CJK})`, 'g');
const parenthesised = /\(([^()]*)\)/g;
const hasCjk = new RegExp(CJK);

/**
 * Chinese text takes full-width punctuation (,:;?!()) where it touches Chinese, as official
 * documents are typeset; “1,000”, “10:30” and English text keep theirs.
 */
export function cnPunctuation(text: string): string {
  return text
    .replace(parenthesised, (all, inner: string) => (hasCjk.test(inner) ? `\uff08${inner}\uff09` : all))
    .replace(nextToCjk, (c) => FULL[c] ?? c);
}

const run = (text: string, o: Partial<IRunOptions> = {}) => new TextRun({ text: cnPunctuation(text), ...o });

/** Text with line breaks kept: each line becomes its own run after a break. */
function runs(text: string, o: Partial<IRunOptions> = {}): TextRun[] {
  return text.split('\n').map((line, i) => run(line, { ...o, break: i > 0 ? 1 : undefined }));
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: thin, bottom: thin, left: thin, right: thin };

function cell(text: string, o: { bold?: boolean; width?: number; center?: boolean } = {}) {
  return new TableCell({
    borders,
    verticalAlign: VerticalAlign.CENTER,
    width: o.width ? { size: o.width, type: WidthType.PERCENTAGE } : undefined,
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    children: (text === '' ? [''] : text.split('\n')).map(
      (line) =>
        new Paragraph({
          alignment: o.center ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { line: 300, lineRule: LineRuleType.AUTO },
          children: [run(line, { bold: o.bold, size: SIZE.table, font: font(o.bold ? SANS : SERIF) })],
        }),
    ),
  });
}

function blockToDocx(b: Block): (Paragraph | Table)[] {
  const body = { size: SIZE.body, font: font(SERIF) };
  const fixed = { line: LINE, lineRule: LineRuleType.EXACT };
  switch (b.t) {
    case 'title':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 0, after: 400, line: 700, lineRule: LineRuleType.EXACT },
          children: runs(b.text, { bold: true, size: SIZE.title, font: font(SERIF) }),
        }),
      ];
    case 'subtitle':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 240, ...fixed },
          children: runs(b.text, body),
        }),
      ];
    case 'heading':
      return [
        new Paragraph({
          spacing: { before: 120, ...fixed },
          indent: { firstLine: INDENT },
          keepNext: true,
          children: runs(b.text, { size: SIZE.heading, font: font(SANS) }),
        }),
      ];
    case 'para':
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          // An unindented line (the addressee, the signatures under a form) sits a little apart.
          spacing: { ...fixed, before: b.indent === false ? 200 : 0 },
          indent: b.indent === false ? undefined : { firstLine: INDENT },
          children: [...(b.lead ? [run(b.lead, { ...body, bold: true })] : []), ...runs(b.text, body)],
        }),
      ];
    case 'note':
      return [
        new Paragraph({
          spacing: { before: 120, line: 360, lineRule: LineRuleType.AUTO },
          children: runs(b.text, { size: SIZE.note, font: font(SERIF), color: '555555' }),
        }),
      ];
    case 'signature':
      return b.lines.map(
        (line, i) =>
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { before: i === 0 ? 480 : 0, ...fixed },
            indent: { right: INDENT },
            children: runs(line, body),
          }),
      );
    case 'table': {
      const widths = b.widths ?? b.header.map(() => Math.floor(100 / b.header.length));
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({
              tableHeader: true,
              children: b.header.map((h, i) => cell(h, { bold: true, width: widths[i], center: true })),
            }),
            ...b.rows.map(
              (r) =>
                new TableRow({
                  cantSplit: true,
                  children: r.map((v, i) => cell(v, { width: widths[i], center: i > 0 && v.length <= 8 })),
                }),
            ),
          ],
        }),
        new Paragraph({ spacing: { after: 120 }, children: [] }),
      ];
    }
    case 'form':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: b.rows.map(
            ([label, value]) =>
              new TableRow({
                children: [cell(label, { bold: true, width: 20, center: true }), cell(value, { width: 80 })],
              }),
          ),
        }),
      ];
  }
}

/** Renders the blocks to a .docx buffer (A4 portrait, page numbers “— n —” at the foot). */
export async function renderDocx(model: DocModel): Promise<Buffer> {
  const doc = new Document({
    title: model.title,
    creator: '对标',
    styles: {
      default: {
        document: {
          run: { font: font(SERIF), size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(20) },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28, font: font(SERIF) }),
                ],
              }),
            ],
          }),
        },
        children: model.blocks.flatMap(blockToDocx),
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTable }]);
}

/** The plain text of a model, for previews and tests. */
export function modelText(model: DocModel): string {
  return model.blocks
    .map((b) => {
      switch (b.t) {
        case 'table':
          return [b.header, ...b.rows].map((r) => r.join('\t')).join('\n');
        case 'form':
          return b.rows.map((r) => r.join('\t')).join('\n');
        case 'signature':
          return b.lines.join('\n');
        case 'para':
          return (b.lead ?? '') + b.text;
        default:
          return b.text;
      }
    })
    .join('\n');
}
