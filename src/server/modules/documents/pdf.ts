import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../lib/errors.js';

/**
 * Word → PDF with LibreOffice headless, when it is installed. One conversion at a time (LibreOffice
 * with one profile is single-process, and the machine is small), each in a private temporary
 * folder, with its own user profile so it never touches a desktop user's, and a time limit.
 */
const TIMEOUT_MS = 90_000;
const CANDIDATES = ['libreoffice', 'soffice'];

let found: string | null | undefined;

/** The LibreOffice program on PATH, or null. Looked up once. */
export function libreOfficePath(): string | null {
  if (found !== undefined) return found;
  found = null;
  for (const name of CANDIDATES) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) {
      found = r.stdout.trim();
      break;
    }
  }
  return found;
}

/** Tests: pretend LibreOffice is (a path) or is not (null) installed; undefined looks again. */
export function overrideLibreOffice(program: string | null | undefined): void {
  found = program;
}

export function pdfCapability(): { pdf: boolean; reason: string | null } {
  return libreOfficePath()
    ? { pdf: true, reason: null }
    : {
        pdf: false,
        reason: '服务器未安装 LibreOffice,暂不能导出 PDF;请下载 Word 文档后自行转换或打印。',
      };
}

/**
 * The official faces the documents name (方正小标宋, 仿宋_GB2312, 黑体, 楷体) are not free and not
 * on a Linux server. LibreOffice asks fontconfig for a substitute, which by default is a Latin
 * sans face: this configuration sends each to the closest face of fonts-noto-cjk instead (Song
 * faces to Noto Serif CJK, the title's heavy 小标宋 to its bold; 黑体 to Noto Sans CJK). Where the
 * real faces are installed (fonts-arphic-ukai gives a 楷体, for instance) they are used as named.
 * Digits and Latin letters are set in Times New Roman: its metric twin Liberation Serif where
 * fonts-liberation is installed, otherwise the Latin of Noto Serif CJK, never fontconfig's default
 * serif (DejaVu on Debian), whose wide figures stand out in a line of 仿宋.
 */
const serif = [
  '方正小标宋简体',
  '小标宋',
  '仿宋_GB2312',
  '仿宋',
  'FangSong',
  '楷体_GB2312',
  '楷体',
  'KaiTi',
  '宋体',
  'SimSun',
];
const sans = ['黑体', 'SimHei'];
const latin = ['Times New Roman', 'Times'];
const alias = (family: string, ...prefer: string[]) =>
  `<alias binding="same"><family>${family}</family><prefer>${[family, ...prefer].map((f) => `<family>${f}</family>`).join('')}</prefer></alias>`;
export const fontConfig = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <match target="pattern">
    <test name="family"><string>方正小标宋简体</string></test>
    <edit name="weight" mode="assign"><const>bold</const></edit>
  </match>
  ${serif.map((f) => alias(f, 'Noto Serif CJK SC')).join('\n  ')}
  ${sans.map((f) => alias(f, 'Noto Sans CJK SC')).join('\n  ')}
  ${latin.map((f) => alias(f, 'Liberation Serif', 'Noto Serif CJK SC')).join('\n  ')}
</fontconfig>
`;

let queue: Promise<unknown> = Promise.resolve();
let profileDir: string | null = null;

/** A small cache: the same document asked again (a second click, a colleague) converts once. */
const cache = new Map<string, Buffer>();
const CACHE_SIZE = 20;

function run(program: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()).slice(-2000));
    const timer = setTimeout(() => {
      // The whole process group: soffice.bin runs as a child of the wrapper script.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
      reject(new Error('LibreOffice timed out'));
    }, TIMEOUT_MS);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`LibreOffice exited with ${code}: ${stderr.trim()}`));
    });
  });
}

async function convertNow(docx: Buffer): Promise<Buffer> {
  const program = libreOfficePath();
  if (!program) throw new AppError('PDF_UNAVAILABLE');
  if (!profileDir) {
    const dir = mkdtempSync(path.join(tmpdir(), 'duibiao-lo-profile-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(path.join(dir, 'fonts.conf'), fontConfig);
    profileDir = dir;
  }
  const work = mkdtempSync(path.join(tmpdir(), 'duibiao-pdf-'));
  try {
    const input = path.join(work, 'document.docx');
    writeFileSync(input, docx);
    await run(
      program,
      [
        `-env:UserInstallation=${pathToFileURL(profileDir).href}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        input,
      ],
      work,
      { ...process.env, FONTCONFIG_FILE: path.join(profileDir, 'fonts.conf') },
    );
    return readFileSync(path.join(work, 'document.pdf'));
  } catch (err) {
    console.warn('PDF conversion failed:', err);
    throw new AppError('PDF_FAILED');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Converts a .docx to PDF. `key` names the content (the document model's hash), so the same
 * content converts once; conversions wait their turn.
 */
export function docxToPdf(docx: Buffer, key: string): Promise<Buffer> {
  const hit = cache.get(key);
  if (hit) return Promise.resolve(hit);
  const next = queue.then(() => cache.get(key) ?? convertNow(docx));
  queue = next.catch(() => undefined);
  return next.then((pdf) => {
    cache.set(key, pdf);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return pdf;
  });
}

export const contentKey = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex');
