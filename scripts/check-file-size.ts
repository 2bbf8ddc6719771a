// Fails when a source file is longer than the house limit, so that a long file is split when it
// grows rather than found later. Tests and test support (src/server/test/) are not counted: a
// table of every route, or one scenario per case, reads better in one place.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LIMIT = 400;
const ROOTS = ['src', 'scripts'];

// Files still over the limit that are due to be split; each entry goes away when its split lands.
const KNOWN_EXCEPTIONS = new Set(['src/server/modules/setup/demo-activity-loader.ts']);

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== join('src', 'server', 'test')) yield* sourceFiles(path);
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      yield path;
    }
  }
}

const tooLong: string[] = [];
for (const root of ROOTS) {
  for (const file of sourceFiles(root)) {
    const lines = readFileSync(file, 'utf8').split('\n').length - 1;
    if (lines > LIMIT && !KNOWN_EXCEPTIONS.has(file)) tooLong.push(`${file}: ${lines} lines`);
  }
}

if (tooLong.length > 0) {
  console.error(`Files over ${LIMIT} lines (split them):\n  ${tooLong.join('\n  ')}`);
  process.exit(1);
}
