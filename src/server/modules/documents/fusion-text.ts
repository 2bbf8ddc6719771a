import type { FusionFigures } from '../../../common/api/fusion.js';

/**
 * 融合成效 in the documents' words: what the revisions reached and what the solved problems kept,
 * the same figures as the 融合成效 view (fusion module), written once here for the bulletin and
 * the annual summary.
 */
const u = (unit: string) => (unit ? unit : '');

/** The revisions' effect: how many reached their target, and the improvement per indicator. */
export function revisionEffectText(f: FusionFigures): string[] {
  const r = f.revisions;
  if (!r.measured)
    return r.withIndicator ? [`设定成效指标的修订${r.withIndicator}项,尚未测量实施效果。`] : [];
  const lines = [
    `实施效果:设定成效指标的修订${r.withIndicator}项;已测量${r.measured}项,其中已见效${r.met}项、待改进${r.notMet}项。`,
  ];
  if (f.byIndicator.length)
    lines.push(
      `按指标合计:${f.byIndicator
        .map((g) =>
          // A rate's change is in percentage points; rates themselves are not summed in words.
          g.unit === '%'
            ? `${g.name}${g.direction === 'lower' ? '减少' : '提高'}${g.improvement}个百分点(${g.revisions}项修订累计)`
            : `${g.name}${g.direction === 'lower' ? '减少' : '提高'}${g.improvement}${u(g.unit)}(${g.revisions}项修订,修订前合计${g.baseline}${u(g.unit)},实测合计${g.measured}${u(g.unit)})`,
        )
        .join(';')}。`,
    );
  return lines;
}

/** The problems' effect: before / after per measure, and whether they stayed solved at 3 and 6 months. */
export function problemEffectText(f: FusionFigures): string[] {
  const p = f.problems;
  if (!p.confirmed) return [];
  const tally = (m: number, t: FusionFigures['problems']['months3']) =>
    `${m}个月回访${t.checked}个,未反弹${t.stayed}个、反弹${t.cameBack}个${t.waiting ? `,待回访${t.waiting}个` : ''}`;
  const lines = [
    `解决成效:经基层确认解决${p.confirmed}个,回访后未反弹${p.stayedSolved}个、反弹${p.cameBack}个;${tally(3, p.months3)};${tally(6, p.months6)}。`,
  ];
  if (f.problemMeasures.length)
    lines.push(
      `可衡量的问题:${f.problemMeasures
        .map(
          (g) =>
            `${g.name}解决前合计${g.before}${u(g.unit)}、解决后${g.after}${u(g.unit)}(${g.problems}个问题)`,
        )
        .join(';')}。`,
    );
  for (const c of f.cameBack) lines.push(`${c.branchName}“${c.title}”${c.months}个月回访时反弹:${c.note}`);
  return lines;
}
