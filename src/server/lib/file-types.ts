/**
 * Decides a file's type from its bytes, never from its name or the declared type. Only photos,
 * PDF and Office documents are accepted; SVG, HTML, executables and anything unknown are not.
 */
export interface DetectedType {
  mime: string;
  ext: string;
  image: boolean;
  /** A zip package (Office Open XML), checked for its declared unpacked size before storing. */
  zip?: boolean;
}

const startsWith = (buf: Buffer, bytes: number[], offset = 0) => bytes.every((b, i) => buf[offset + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const OOXML: [string, DetectedType][] = [
  [
    'word/',
    {
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ext: 'docx',
      image: false,
    },
  ],
  [
    'xl/',
    { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx', image: false },
  ],
  [
    'ppt/',
    {
      mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      ext: 'pptx',
      image: false,
    },
  ],
];

/** Markup in the first bytes means a file that a browser could render as a page. */
const MARKUP = /<\s*(script|html|svg|iframe|object|body|!doctype)/i;

export function detectFileType(whole: Buffer): DetectedType | null {
  const head = whole.subarray(0, 1024);
  if (MARKUP.test(head.toString('latin1'))) return null;
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', ext: 'jpg', image: true };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { mime: 'image/png', ext: 'png', image: true };
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a')))
    return { mime: 'image/gif', ext: 'gif', image: true };
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8))
    return { mime: 'image/webp', ext: 'webp', image: true };
  if (startsWith(head, ascii('%PDF-'))) return { mime: 'application/pdf', ext: 'pdf', image: false };
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return { mime: 'application/vnd.ms-office', ext: 'doc', image: false };
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    // An Office Open XML package is a zip whose entries include [Content_Types].xml and a part folder.
    const names = whole.toString('latin1');
    if (!names.includes('[Content_Types].xml')) return null;
    for (const [folder, type] of OOXML) if (names.includes(folder)) return { ...type, zip: true };
  }
  return null;
}

/**
 * A safe display name: no path parts, no control characters, and the extension of the detected
 * type (so "photo.jpg.exe" holding a JPEG downloads as "photo.jpg").
 */
export function safeFileName(name: string, ext: string): string | null {
  // Invisible format characters (a right-to-left override can show "gpj.exe" as "exe.jpg") go.
  const original = name.replace(/\p{Cf}/gu, '');
  if (!original || original.length > 200) return null;
  const hasControl = [...original].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);
  if (/[\\/]/.test(original) || original.includes('..') || hasControl) return null;
  const base = original.replace(/(\.[A-Za-z0-9]{1,5})+$/, '').trim();
  if (!base) return null;
  return `${base}.${ext}`;
}
