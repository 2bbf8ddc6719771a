/**
 * First-load JavaScript of the web client: build it, then gzip what index.html loads before any
 * route asks for more — the entry script and its modulepreloads, not the lazy chunks.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  files: { file: string; bytes: number; gzipBytes: number }[];
  totalBytes: number;
  totalGzipBytes: number;
  lazyChunks: number;
}

export function measureBundle(root: string): BundleSize {
  const outDir = mkdtempSync(path.join(tmpdir(), 'duibiao-web-'));
  try {
    execFileSync(
      path.join(root, 'node_modules/.bin/vite'),
      ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    const srcs = [
      ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
      ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
    ].map((m) => m[1]!);
    const files = [...new Set(srcs)].map((src) => {
      const buf = readFileSync(path.join(outDir, src.replace(/^\//, '')));
      return { file: src, bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length };
    });
    const allJs = readdirSync(path.join(outDir, 'assets')).filter((f) => f.endsWith('.js'));
    return {
      files,
      totalBytes: files.reduce((s, f) => s + f.bytes, 0),
      totalGzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0),
      lazyChunks: allJs.length - files.length,
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
