/**
 * High-contrast check of the completion matrix (GB/T 37668-2019, WCAG 2.1 AA): on every band
 * colour the cell text is readable (4.5:1) and the band's symbol stands out (3:1), so a cell reads
 * the same to someone who cannot tell its colour — and every band has its own symbol.
 */
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../app/contrast';
import { bandColors, bandSymbols, cellLateColor, cellTextColor, type MatrixBand } from './matrixLayout';

const bands = Object.keys(bandColors) as MatrixBand[];

describe('matrix colours', () => {
  it.each(bands)('text and symbol on the %s band are readable', (band) => {
    const background = bandColors[band];
    expect(contrastRatio(cellTextColor, background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(cellLateColor, background)).toBeGreaterThanOrEqual(4.5);
    // The symbol is drawn in the text colour, bold: graphics need 3:1, it has the text's ratio.
    expect(contrastRatio(cellTextColor, background)).toBeGreaterThanOrEqual(3);
  });

  it('every band has a symbol of its own: colour is never the only signal', () => {
    const symbols = bands.map((b) => bandSymbols[b]);
    expect(new Set(symbols).size).toBe(bands.length);
    for (const s of symbols) expect(s.trim()).not.toBe('');
  });

  it('the ratio is WCAG’s: black on white 21, white on white 1, antd’s 45% grey short of 4.5', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('rgba(0, 0, 0, 0.45)', '#ffffff')).toBeLessThan(4.5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
