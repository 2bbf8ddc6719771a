import { describe, expect, it } from 'vitest';
import { safeFileName } from './file-types.js';

describe('stored file names', () => {
  it('drop invisible format characters, so a right-to-left override cannot disguise the name', () => {
    expect(safeFileName('会议照片\u202Egpj.exe.png', 'png')).toBe('会议照片gpj.png');
    expect(safeFileName('\u200B\u200B.png', 'png')).toBeNull();
  });
});
