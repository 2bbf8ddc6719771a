/**
 * An Office document is a zip: a few kilobytes can declare gigabytes that a thumbnailer, an
 * antivirus scan or the reader's own Office would unpack. Before such a file is stored, its central
 * directory (the list at the end of every zip) is read and the declared sizes checked. Nothing is
 * decompressed here.
 */
export const ZIP_LIMITS = {
  /** Real documents unpack to a few times their size; text-heavy xlsx to tens of times. */
  maxRatio: 100,
  /** Sum of the declared uncompressed sizes. */
  maxTotalBytes: 200 * 1024 * 1024,
  maxEntries: 10_000,
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** Null when the zip's declared contents are reasonable, else a Chinese reason to refuse it. */
export function zipBombReason(zip: Buffer, limits = ZIP_LIMITS): string | null {
  // The end record sits in the last 22 bytes plus a comment of at most 64 KiB.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return '压缩文档结构不完整';
  const entries = zip.readUInt16LE(eocd + 10);
  const dirSize = zip.readUInt32LE(eocd + 12);
  const dirOffset = zip.readUInt32LE(eocd + 16);
  // ZIP64 (0xffff / 0xffffffff markers) is for archives far beyond any evidence file.
  if (entries === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff)
    return '压缩文档过大或格式不受支持';
  if (entries > limits.maxEntries) return '压缩文档包含的文件过多';
  if (dirOffset + dirSize > eocd) return '压缩文档结构不完整';
  let total = 0;
  let p = dirOffset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > eocd || zip.readUInt32LE(p) !== CENTRAL) return '压缩文档结构不完整';
    const uncompressed = zip.readUInt32LE(p + 24);
    if (uncompressed === 0xffffffff) return '压缩文档过大或格式不受支持';
    total += uncompressed;
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  if (total > limits.maxTotalBytes || total > zip.length * limits.maxRatio)
    return '文档解压后的大小远超文件本身,疑似压缩炸弹,已拒绝';
  return null;
}
