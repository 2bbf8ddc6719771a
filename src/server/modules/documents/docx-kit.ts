import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import { columnWidths, textWidth, titleLines } from './typeset.js';

/**
 * A document as plain blocks, rendered to Word by `renderDocx`. The generators produce blocks, so
 * tests and the PDF cache can look at content without unzipping, and every document shares one
 * official-document layout (GB/T 9704-2012): A4 with 37 / 35 / 28 / 26 mm margins, the title in
 * 小标宋 二号, 一、 headings in 黑体 and （一） headings in 楷体, the body in 仿宋_GB2312 三号 on a
 * fixed 28 pt line, page numbers “— 1 —” on the outer side.
 */
export type Block =
  | { t: 'title'; text: string }
  | { t: 'subtitle'; text: string }
  | { t: 'heading'; text: string }
  | { t: 'heading2'; text: string }
  | { t: 'para'; text: string; lead?: string; indent?: boolean }
  | { t: 'table'; header: string[]; rows: string[][] }
  | { t: 'form'; rows: [string, string][] }
  | { t: 'signature'; lines: string[] }
  | { t: 'note'; text: string }
  | { t: 'pageBreak' };

export interface DocModel {
  title: string;
  blocks: Block[];
}

/**
 * The faces official documents are set in, as Word and WPS know them. The font table gives each
 * the name Windows has when the GB2312-era one is missing (仿宋 for 仿宋_GB2312, 宋体 for 小标宋);
 * the PDF converter maps them to the closest faces the server has (see pdf.ts).
 */
export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;
const font = (name: string) => ({ ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: name, cs: name });

/** Half-points: 二号 22 pt for the title, 三号 16 pt for text, 五号 10.5 pt in tables and notes. */
const SIZE = { title: 44, heading: 32, body: 32, table: 21, note: 21, pageNumber: 28 };
/** Twips: a fixed 28 pt line, and 2 characters of 16 pt as the first-line indent. */
const LINE = 560;
const INDENT = 640;
const mm = (n: number) => Math.round(n * 56.7);
/** The type area's width in twips (A4 less 28 + 26 mm), and in ems of the tables' 五号. */
const TEXT_WIDTH = mm(210 - 28 - 26);
const TABLE_EMS = Math.floor(TEXT_WIDTH / (SIZE.table * 10)) - 1;

const fontEntry = (name: string, alt: string, family: string, pitch = 'variable') =>
  `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`;
const fontTable = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  ${fontEntry(FONTS.title, '宋体', 'roman')}
  ${fontEntry(FONTS.body, '仿宋', 'modern', 'fixed')}
  ${fontEntry(FONTS.heading, '黑体', 'modern', 'fixed')}
  ${fontEntry(FONTS.heading2, '楷体', 'modern', 'fixed')}
  ${fontEntry('仿宋', 'FangSong', 'modern', 'fixed')}
  ${fontEntry('楷体', 'KaiTi', 'modern', 'fixed')}
  ${fontEntry('黑体', 'SimHei', 'modern', 'fixed')}
  ${fontEntry('宋体', 'SimSun', 'auto')}
  <w:font w:name="${FONTS.latin}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
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
  // Innermost first, then the ones around them: “9人(出勤率90%(9/10))” has both turned.
  let out = text;
  for (let prev = ''; prev !== out;) {
    prev = out;
    out = out.replace(parenthesised, (all, inner: string) =>
      hasCjk.test(inner) ? `\uff08${inner}\uff09` : all,
    );
  }
  return out.replace(nextToCjk, (c) => FULL[c] ?? c);
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
    width: o.width ? { size: o.width, type: WidthType.DXA } : undefined,
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    children: (text === '' ? [''] : text.split('\n')).map(
      (line) =>
        new Paragraph({
          alignment: o.center ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { line: 300, lineRule: LineRuleType.AUTO },
          children: [
            run(line, { bold: o.bold, size: SIZE.table, font: font(o.bold ? FONTS.heading : FONTS.body) }),
          ],
        }),
    ),
  });
}

/** Column widths in twips from what the columns hold (see typeset.ts). */
function twips(header: string[], rows: string[][]): number[] {
  const ems = columnWidths(header, rows, TABLE_EMS);
  const sum = ems.reduce((s, x) => s + x, 0);
  return ems.map((e) => Math.floor((e / sum) * TEXT_WIDTH));
}

function table(header: string[], rows: string[][], widths: number[], opts: { headerRow: boolean }) {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      ...(opts.headerRow
        ? [
            new TableRow({
              tableHeader: true,
              cantSplit: true,
              children: header.map((h, i) => cell(h, { bold: true, width: widths[i], center: true })),
            }),
          ]
        : []),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((v, i) =>
              cell(v, {
                width: widths[i],
                bold: !opts.headerRow && i === 0,
                center: !opts.headerRow ? i === 0 : i > 0 && !v.includes('\n') && textWidth(v) <= 8,
              }),
            ),
          }),
      ),
    ],
  });
}

/**
 * `newPage`: the block starts a page (it follows a page break). Paragraphs take it as “page break
 * before”, so the new page starts with the block itself, not with an empty line.
 */
function blockToDocx(b: Block, newPage = false): (Paragraph | Table)[] {
  const body = { size: SIZE.body, font: font(FONTS.body) };
  const fixed = { line: LINE, lineRule: LineRuleType.EXACT };
  const pageBreakBefore = newPage || undefined;
  switch (b.t) {
    case 'title':
      // Broken by hand at the seams of its words, so Word never breaks it inside one.
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 0, after: 560, line: 700, lineRule: LineRuleType.EXACT },
          pageBreakBefore,
          keepNext: true,
          children: runs(titleLines(b.text).join('\n'), { size: SIZE.title, font: font(FONTS.title) }),
        }),
      ];
    case 'subtitle':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 280, ...fixed },
          pageBreakBefore,
          children: runs(b.text, { ...body, font: font(FONTS.heading2) }),
        }),
      ];
    case 'heading':
    case 'heading2':
      return [
        new Paragraph({
          spacing: fixed,
          indent: { firstLine: INDENT },
          keepNext: true,
          pageBreakBefore,
          children: runs(b.text, {
            size: SIZE.heading,
            font: font(b.t === 'heading' ? FONTS.heading : FONTS.heading2),
          }),
        }),
      ];
    case 'para':
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: fixed,
          pageBreakBefore,
          indent: b.indent === false ? undefined : { firstLine: INDENT },
          children: [
            ...(b.lead ? [run(b.lead, { ...body, font: font(FONTS.heading2) })] : []),
            ...runs(b.text, body),
          ],
        }),
      ];
    case 'note':
      return [
        new Paragraph({
          spacing: { before: 120, line: 360, lineRule: LineRuleType.AUTO },
          pageBreakBefore,
          children: runs(b.text, { size: SIZE.note, font: font(FONTS.body) }),
        }),
      ];
    case 'signature':
      // The issuing body and the date, right-aligned four characters in from the margin.
      return [
        ...(newPage ? [pageBreak()] : []),
        ...b.lines.map(
          (line, i) =>
            new Paragraph({
              alignment: AlignmentType.RIGHT,
              spacing: { before: i === 0 ? 1120 : 0, ...fixed },
              indent: { right: INDENT * 2 },
              keepNext: i < b.lines.length - 1,
              keepLines: true,
              children: runs(line, body),
            }),
        ),
      ];
    case 'table':
      return [
        ...(newPage ? [pageBreak()] : []),
        table(b.header, b.rows, twips(b.header, b.rows), { headerRow: true }),
        new Paragraph({ spacing: { after: 120 }, children: [] }),
      ];
    case 'form': {
      const label = Math.max(...b.rows.map(([l]) => textWidth(l))) + 1.5;
      const first = Math.floor((label / TABLE_EMS) * TEXT_WIDTH);
      return [
        ...(newPage ? [pageBreak()] : []),
        table([], b.rows, [first, TEXT_WIDTH - first], { headerRow: false }),
      ];
    }
    case 'pageBreak':
      return [pageBreak()];
  }
}

const pageBreak = () => new Paragraph({ children: [new PageBreak()] });

/** The blocks in order; a page break is carried by the block after it where that is a paragraph. */
function blocksToDocx(blocks: Block[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  blocks.forEach((b, i) => {
    if (b.t === 'pageBreak' && i < blocks.length - 1) return;
    out.push(...blockToDocx(b, blocks[i - 1]?.t === 'pageBreak'));
  });
  return out;
}

/** “— 1 —” in 宋体 四号, one character in from the outer edge: right on odd pages, left on even. */
const pageNumber = (side: 'odd' | 'even') =>
  new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            size: SIZE.pageNumber,
            font: font(FONTS.pageNumber),
          }),
        ],
      }),
    ],
  });

/** Renders the blocks to a .docx buffer (A4 portrait, GB/T 9704 margins and page numbers). */
export async function renderDocx(model: DocModel): Promise<Buffer> {
  const doc = new Document({
    title: model.title,
    creator: '对标',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(FONTS.body), size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(28) },
          },
        },
        footers: { default: pageNumber('odd'), even: pageNumber('even') },
        children: blocksToDocx(model.blocks),
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
        case 'title':
          return titleLines(b.text).join('\n');
        case 'pageBreak':
          return '';
        default:
          return b.text;
      }
    })
    .join('\n');
}
