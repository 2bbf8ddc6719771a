import sharp from 'sharp';

const N = 32;
/** cos((2x+1)uπ / 2N) for the 8 lowest frequencies, computed once. */
const cosines = Array.from({ length: 8 }, (_, u) =>
  Array.from({ length: N }, (_, x) => Math.cos(((2 * x + 1) * u * Math.PI) / (2 * N))),
);

/**
 * The 64-bit perceptual hash (pHash) of an image: shrunk to 32×32 grey pixels, its 8×8 lowest
 * frequencies of the discrete cosine transform, one bit each (above the median?). Only the coarse
 * shape of the picture counts, so resizing, re-compressing and trimming a few per cent of the
 * edges change few bits while another photo, even of the same room, changes many
 * (image-hash.test.ts measures both). Signed, to fit PostgreSQL's bigint. Null when the bytes do
 * not decode as an image.
 */
export async function imageHash(bytes: Buffer): Promise<bigint | null> {
  const pixels = await sharp(bytes, { limitInputPixels: 100_000_000 })
    .rotate()
    .greyscale()
    .resize(N, N, { fit: 'fill' })
    .raw()
    .toBuffer()
    .catch(() => null);
  if (!pixels || pixels.length < N * N) return null;
  const coefficients: number[] = [];
  for (let v = 0; v < 8; v++) {
    for (let u = 0; u < 8; u++) {
      let sum = 0;
      for (let y = 0; y < N; y++) {
        for (let x = 0; x < N; x++) sum += pixels[y * N + x]! * cosines[u]![x]! * cosines[v]![y]!;
      }
      coefficients.push(sum);
    }
  }
  // The first coefficient is the mean brightness: left out of the median, as it would dominate it.
  const median = [...coefficients.slice(1)].sort((a, b) => a - b)[31]!;
  let hash = 0n;
  for (const c of coefficients) hash = (hash << 1n) | (c > median ? 1n : 0n);
  return BigInt.asIntN(64, hash);
}

/** How many of the 64 bits differ. */
export function hashDistance(a: bigint, b: bigint): number {
  let x = BigInt.asUintN(64, a ^ b);
  let n = 0;
  while (x) {
    n += Number(x & 1n);
    x >>= 1n;
  }
  return n;
}
