/**
 * WCAG 2.1 contrast ratio of two colours (1.4.3 text ≥ 4.5:1, 1.4.11 symbols and graphics ≥ 3:1),
 * so the colours the pages draw with can be checked by a unit test rather than by eye.
 * Colours are #rgb, #rrggbb, or rgba() over a given opaque background.
 */
type Rgb = [number, number, number];

function parse(colour: string, over: Rgb = [255, 255, 255]): Rgb {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (hex) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!;
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
  }
  const rgba = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/i.exec(colour);
  if (!rgba) throw new Error(`not a colour: ${colour}`);
  const alpha = rgba[4] === undefined ? 1 : Number(rgba[4]);
  return [1, 2, 3].map((i, k) => Number(rgba[i]) * alpha + over[k]! * (1 - alpha)) as Rgb;
}

function luminance([r, g, b]: Rgb): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** Ratio of foreground to (opaque) background, from 1 to 21. */
export function contrastRatio(foreground: string, background: string): number {
  const bg = parse(background);
  const [a, b] = [luminance(parse(foreground, bg)), luminance(bg)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
