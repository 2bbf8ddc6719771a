/**
 * Reading a document's text back as an inspector would: the breakdowns it prints (a whole and
 * its parts) and the rates (with what follows them), so tests can hold each to its sum and base.
 */

/** Every “共N项,其中a项、b项” in a text: the whole and its parts. */
export function breakdownsIn(text: string) {
  const out: { text: string; total: number; parts: number[] }[] = [];
  for (const m of text.matchAll(/(\d+)(项|人次|个|次|篇)\uff0c其中([^。；\uff08\n]+)/g)) {
    const unit = m[2]!;
    const parts = m[3]!.split('、').map((p) => Number(new RegExp(`(\\d+)${unit}$`).exec(p)?.[1] ?? NaN));
    out.push({ text: m[0], total: Number(m[1]), parts });
  }
  return out;
}

/** Every percentage in a text, with what follows it. */
export const ratesIn = (text: string) => [...text.matchAll(/\d+(?:\.\d+)?%(.{0,30})/g)];
