import sharp from 'sharp';
import { prng } from './demo-random.js';

/**
 * Evidence for the demo year: a photo of the meeting and a scanned sign-in sheet, drawn here so the
 * demo ships no binary files. Both are the same bytes for the same inputs (a seeded generator, no
 * clock), so a reader can tell two meetings' photos apart and a restored demo matches its hashes.
 */

type Rgb = readonly [number, number, number];

/** An RGB canvas with the few shapes a meeting-room picture needs. */
class Canvas {
  readonly pixels: Buffer;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = Buffer.alloc(width * height * 3);
  }

  rect(x: number, y: number, w: number, h: number, [r, g, b]: Rgb): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    for (let yy = y0; yy < y1; yy++) {
      for (let xx = x0; xx < x1; xx++) {
        const i = (yy * this.width + xx) * 3;
        this.pixels[i] = r;
        this.pixels[i + 1] = g;
        this.pixels[i + 2] = b;
      }
    }
  }

  ellipse(cx: number, cy: number, rx: number, ry: number, [r, g, b]: Rgb): void {
    for (let yy = Math.max(0, Math.floor(cy - ry)); yy < Math.min(this.height, Math.ceil(cy + ry)); yy++) {
      for (let xx = Math.max(0, Math.floor(cx - rx)); xx < Math.min(this.width, Math.ceil(cx + rx)); xx++) {
        if (((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2 > 1) continue;
        const i = (yy * this.width + xx) * 3;
        this.pixels[i] = r;
        this.pixels[i + 1] = g;
        this.pixels[i + 2] = b;
      }
    }
  }

  /** Sensor noise and uneven light, so the picture compresses like a photo, not a diagram. */
  grain(random: () => number, amount: number): void {
    for (let i = 0; i < this.pixels.length; i += 3) {
      const light = 1 - (0.18 * (Math.floor(i / 3) % this.width)) / this.width;
      const n = (random() - 0.5) * amount;
      for (let c = 0; c < 3; c++) this.pixels[i + c] = clamp(this.pixels[i + c]! * light + n);
    }
  }
}

const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
const shade = ([r, g, b]: Rgb, f: number): Rgb => [clamp(r * f), clamp(g * f), clamp(b * f)];

const WALLS: Rgb[] = [
  [233, 227, 213],
  [222, 228, 232],
  [238, 234, 226],
  [226, 221, 205],
];
const PARTY_RED: Rgb = [200, 22, 29];
const GOLD: Rgb = [247, 214, 110];
const SHIRTS: Rgb[] = [
  [245, 245, 245],
  [40, 52, 78],
  [70, 70, 72],
  [228, 232, 240],
  [92, 60, 48],
];

/**
 * A photo of a meeting room during the meeting: the red banner over the front, the screen, rows of
 * tables and as many people as attended (up to what fits). JPEG, 800 × 600.
 */
export async function meetingPhoto(seed: number, attending: number): Promise<Buffer> {
  const random = prng(seed);
  const c = new Canvas(800, 600);
  const wall = WALLS[seed % WALLS.length]!;
  const horizon = 300 + Math.floor(random() * 40);
  c.rect(0, 0, 800, horizon, wall);
  c.rect(0, horizon, 800, 600 - horizon, shade([150, 118, 86], 0.9 + random() * 0.2));
  // The banner (会标) across the front wall, its characters seen from the back of the room.
  const bannerX = 120 + random() * 60;
  c.rect(bannerX, 40, 520, 56, PARTY_RED);
  for (let k = 0; k < 14; k++) c.rect(bannerX + 24 + k * 34, 56, 22, 24, GOLD);
  // The screen, left or right of the front, with the slide's title bar and lines.
  const screenX = random() < 0.5 ? 60 : 520;
  c.rect(screenX - 6, 118, 232, 152, [60, 60, 64]);
  c.rect(screenX, 124, 220, 140, [236, 240, 246]);
  c.rect(screenX, 124, 220, 26, PARTY_RED);
  for (let line = 0; line < 5; line++)
    c.rect(screenX + 16, 164 + line * 18, 150 + random() * 40, 7, [120, 128, 140]);
  // The Party flag on the wall at the other side.
  const flagX = screenX < 400 ? 640 : 40;
  c.rect(flagX, 130, 120, 80, PARTY_RED);
  c.ellipse(flagX + 24, 152, 12, 12, GOLD);
  // Rows of tables, the nearer the wider; people seated behind them, heads above the table edge.
  const rows = 3;
  let seated = 0;
  for (let row = 0; row < rows; row++) {
    const scale = 0.7 + row * 0.25;
    const y = horizon + 30 + row * 90;
    const width = 520 * scale;
    const x = 400 - width / 2;
    const seats = Math.max(3, Math.round(7 * scale));
    for (let s = 0; s < seats && seated < attending; s++, seated++) {
      const px = x + (s + 0.5) * (width / seats) + (random() - 0.5) * 10;
      const shirt = SHIRTS[Math.floor(random() * SHIRTS.length)]!;
      c.ellipse(px, y - 6 * scale, 20 * scale, 26 * scale, shirt);
      c.ellipse(px, y - 40 * scale, 11 * scale, 13 * scale, [222, 186, 160]);
      c.ellipse(px, y - 47 * scale, 12 * scale, 8 * scale, [30, 28, 28]);
    }
    c.rect(x, y, width, 22 * scale, shade([178, 132, 88], 0.8 + row * 0.1));
    c.rect(x, y + 22 * scale, width, 5 * scale, shade([120, 86, 56], 1));
  }
  c.grain(random, 14);
  return sharp(c.pixels, { raw: { width: c.width, height: c.height, channels: 3 } })
    .jpeg({ quality: 80, chromaSubsampling: '4:2:0' })
    .toBuffer();
}

export interface SignInSheet {
  /** The meeting's name, e.g. "机关第一党支部2020年6月学习研讨". */
  title: string;
  date: string;
  place: string;
  /** Everyone expected, in the order of the sheet, with how they attended. */
  people: { name: string; status: 'present' | 'leave' | 'absent' }[];
}

const escapeXml = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[ch]!,
  );

/** A signature as a hand would write it: a few joined strokes of varying slant. */
function signature(random: () => number, x: number, y: number, chars: number): string {
  let d = `M ${x.toFixed(1)} ${y.toFixed(1)}`;
  let px = x;
  for (let k = 0; k < chars * 3; k++) {
    const nx = px + 6 + random() * 7;
    const ny = y + (random() - 0.5) * 16;
    d += ` Q ${(px + 3).toFixed(1)} ${(y - 12 + random() * 24).toFixed(1)} ${nx.toFixed(1)} ${ny.toFixed(1)}`;
    px = nx;
  }
  return `<path d="${d}" fill="none" stroke="#1b2a6b" stroke-width="1.6" stroke-linecap="round"/>`;
}

/**
 * The printed sign-in sheet (签到表) after the meeting: names printed, signatures by hand, leave and
 * absence noted; photographed slightly askew, as branches upload them. JPEG, A4 proportions.
 */
export async function signInSheetScan(sheet: SignInSheet, seed: number): Promise<Buffer> {
  const random = prng(seed);
  const width = 620;
  const rowHeight = 30;
  const top = 150;
  const height = Math.max(877, top + (Math.max(sheet.people.length + 3, 20) + 1) * rowHeight + 60);
  const cols = [50, 110, 250, 450, 570];
  const font = `font-family="Noto Sans CJK SC, Noto Serif CJK SC, WenQuanYi Micro Hei, sans-serif"`;
  const parts: string[] = [
    `<rect width="${width}" height="${height}" fill="#fbfaf6"/>`,
    `<text x="${width / 2}" y="70" ${font} font-size="22" font-weight="bold" text-anchor="middle">${escapeXml(sheet.title)}签到表</text>`,
    `<text x="50" y="118" ${font} font-size="13">时间：${escapeXml(sheet.date)}</text>`,
    `<text x="300" y="118" ${font} font-size="13">地点：${escapeXml(sheet.place)}</text>`,
  ];
  const headers = ['序号', '姓名', '签名', '备注'];
  // A printed form has spare rows below the names, as on paper.
  const rowsCount = Math.max(sheet.people.length + 3, 20) + 1;
  for (let r = 0; r <= rowsCount; r++) {
    const y = top + r * rowHeight;
    parts.push(`<line x1="${cols[0]}" y1="${y}" x2="${cols[4]}" y2="${y}" stroke="#333" stroke-width="1"/>`);
  }
  for (const x of cols) {
    parts.push(
      `<line x1="${x}" y1="${top}" x2="${x}" y2="${top + rowsCount * rowHeight}" stroke="#333" stroke-width="1"/>`,
    );
  }
  headers.forEach((h, i) => {
    const cx = (cols[i]! + cols[i + 1]!) / 2;
    parts.push(`<text x="${cx}" y="${top + 20}" ${font} font-size="14" text-anchor="middle">${h}</text>`);
  });
  sheet.people.forEach((p, i) => {
    const y = top + (i + 1) * rowHeight;
    parts.push(
      `<text x="${(cols[0]! + cols[1]!) / 2}" y="${y + 20}" ${font} font-size="13" text-anchor="middle">${i + 1}</text>`,
      `<text x="${(cols[1]! + cols[2]!) / 2}" y="${y + 20}" ${font} font-size="13" text-anchor="middle">${escapeXml(p.name)}</text>`,
    );
    if (p.status === 'present')
      parts.push(signature(random, cols[2]! + 30 + random() * 40, y + 16, p.name.length));
    else
      parts.push(
        `<text x="${(cols[3]! + cols[4]!) / 2}" y="${y + 20}" ${font} font-size="13" text-anchor="middle">${p.status === 'leave' ? '请假' : '缺席'}</text>`,
      );
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join('')}</svg>`;
  const angle = (random() - 0.5) * 2.4;
  return sharp(Buffer.from(svg))
    .rotate(angle, { background: { r: 92, g: 84, b: 74 } })
    .modulate({ brightness: 0.97 })
    .jpeg({ quality: 78 })
    .toBuffer();
}
