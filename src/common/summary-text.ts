/**
 * The annual summary's prose writes numbers as placeholders ({学习次数}), resolved from the data at
 * every export. Shared by the server (export, warnings) and the editor (live preview).
 */
const placeholder = /\{([^{}\s]{1,20})\}/g;

/** Replaces {名称} with its value; names not known are kept as written and reported. */
export function resolvePlaceholders(
  prose: string,
  values: Record<string, string>,
): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  const text = prose.replace(placeholder, (all, name: string) => {
    if (Object.hasOwn(values, name)) return values[name]!;
    unknown.push(name);
    return all;
  });
  return { text, unknown: [...new Set(unknown)] };
}

/** Numbers typed by hand (“共 12 次”), outside placeholders: they will not follow the data. */
export function handTypedNumbers(prose: string): string[] {
  const outside = prose.replace(/\{[^{}]*\}/g, '');
  return [
    ...new Set(
      [...outside.matchAll(/(\d+(?:\.\d+)?\s*(?:%|次|项|个|篇|件|人次|人|名|条|期|分))/g)].map((m) => m[1]!),
    ),
  ];
}

/** What to tell the writer about a prose: unknown placeholders and hand-typed numbers. */
export function proseWarnings(prose: string, values: Record<string, string>): string[] {
  return [
    ...resolvePlaceholders(prose, values).unknown.map(
      (u) => `未知的占位符 {${u}}:导出时将原样保留,请从可用占位符中选择。`,
    ),
    ...handTypedNumbers(prose).map((n) => `“${n}”是手写的数字,导出时不会随数据更新;建议改用占位符。`),
  ];
}
