import { describe, expect, it } from 'vitest';
import { isChunkLoadError } from './chunk-load-error';

describe('a page whose code cannot be fetched', () => {
  it('is recognised in the words of each browser, so the user reads a plain message instead', () => {
    const seen = [
      'Failed to fetch dynamically imported module: http://127.0.0.1:3000/assets/RecordPage-3f2a.js',
      'Importing a module script failed.',
      'error loading dynamically imported module: http://127.0.0.1:3000/assets/RecordPage-3f2a.js',
    ];
    for (const message of seen) expect(isChunkLoadError(new TypeError(message))).toBe(true);
  });

  it('is not confused with other failures, whose own message is still shown', () => {
    expect(isChunkLoadError(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isChunkLoadError('404 Not Found')).toBe(false);
  });
});
