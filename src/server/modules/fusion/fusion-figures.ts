import type { FusionFigures, RecordEffect } from '../../../common/api/fusion.js';
import {
  beforeAfterOf,
  improvementOf,
  indicatorOf,
  verdictOf,
  type FieldData,
} from '../../../common/record-fields/index.js';
import { rechecksDue } from '../../../common/problem-recheck.js';

/** Sums kept to hundredths: 7 − 3.5 + 0.1 prints as 3.6, not 3.5999999. */
const round = (n: number) => Math.round(n * 100) / 100;

export interface RevisionInput {
  id: number;
  branchId: number;
  branchName: string;
  title: string;
  data: unknown;
}
export interface MeasureInput {
  recordId: number;
  notedOn: string | null;
  measuredValue: number | null;
}
export interface ProblemInput extends RevisionInput {
  problemId: number | null;
  state: string | null;
  confirmedOn: string | null;
}
export interface RecheckInput {
  problemId: number;
  data: unknown;
}

type Recheck = { months: number; cameBack: boolean; note: string };
const recheckOf = (data: unknown): Recheck => {
  const d = data as { months: number; cameBack: boolean; note?: string };
  return { months: Number(d.months), cameBack: !!d.cameBack, note: d.note ?? '' };
};

/**
 * A record's effect: a revision's indicator against its latest measured follow-up (the verdict
 * recomputed from the value, as the follow-up computed it), a problem's before / after and rechecks.
 */
export function effectOfRecord(
  data: unknown,
  measures: MeasureInput[],
  rechecks: RecheckInput['data'][],
): RecordEffect {
  const fields = data as FieldData;
  const ind = indicatorOf(fields);
  const last = measures.filter((m) => m.measuredValue !== null).at(-1);
  const measured = ind && last ? last.measuredValue! : null;
  return {
    indicator: ind && {
      name: ind.name,
      unit: ind.unit,
      direction: ind.direction,
      baseline: ind.baseline,
      target: ind.target,
    },
    measured,
    measuredOn: measured === null ? null : (last?.notedOn ?? null),
    verdict: ind && measured !== null ? verdictOf(ind, measured) : null,
    improvement: ind && measured !== null ? improvementOf(ind, measured) : null,
    beforeAfter: beforeAfterOf(fields),
    rechecks: rechecks.map(recheckOf).map((r) => ({ months: r.months, cameBack: r.cameBack })),
  };
}

const tally = () => ({ checked: 0, stayed: 0, cameBack: 0, waiting: 0 });

/** The 融合成效 figures of some revisions and problems (already scoped and counted by period). */
export function fusionFiguresOf(
  revisions: RevisionInput[],
  measures: MeasureInput[],
  problems: ProblemInput[],
  rechecks: RecheckInput[],
  today: string,
): FusionFigures {
  const out: FusionFigures = {
    revisions: { total: revisions.length, withIndicator: 0, measured: 0, met: 0, notMet: 0 },
    reached: [],
    byIndicator: [],
    problems: { confirmed: 0, stayedSolved: 0, cameBack: 0, months3: tally(), months6: tally() },
    problemMeasures: [],
    cameBack: [],
    branches: [],
  };
  const branchRow = (id: number, name: string) => {
    let row = out.branches.find((b) => b.branchId === id);
    if (!row) {
      row = {
        branchId: id,
        branchName: name,
        revisionsMeasured: 0,
        revisionsMet: 0,
        problemsConfirmed: 0,
        stayedSolved: 0,
        cameBack: 0,
      };
      out.branches.push(row);
    }
    return row;
  };

  for (const r of revisions) {
    const b = branchRow(r.branchId, r.branchName);
    const e = effectOfRecord(
      r.data,
      measures.filter((m) => m.recordId === r.id),
      [],
    );
    if (!e.indicator) continue;
    out.revisions.withIndicator++;
    if (e.measured === null) continue;
    out.revisions.measured++;
    b.revisionsMeasured++;
    const met = e.verdict === 'met';
    if (met) {
      out.revisions.met++;
      b.revisionsMet++;
      out.reached.push({
        recordId: r.id,
        branchName: r.branchName,
        title: r.title,
        indicator: e.indicator,
        measured: e.measured,
        measuredOn: e.measuredOn ?? '',
        improvement: e.improvement ?? 0,
      });
    } else out.revisions.notMet++;
    const i = e.indicator;
    let g = out.byIndicator.find(
      (x) => x.name === i.name && x.unit === i.unit && x.direction === i.direction,
    );
    if (!g) {
      g = {
        name: i.name,
        unit: i.unit,
        direction: i.direction,
        revisions: 0,
        met: 0,
        baseline: 0,
        measured: 0,
        improvement: 0,
      };
      out.byIndicator.push(g);
    }
    g.revisions++;
    if (met) g.met++;
    g.baseline = round(g.baseline + i.baseline);
    g.measured = round(g.measured + e.measured);
    g.improvement = round(g.improvement + (e.improvement ?? 0));
  }

  for (const p of problems) {
    const b = branchRow(p.branchId, p.branchName);
    if (p.state !== 'confirmed' || p.problemId === null) continue;
    out.problems.confirmed++;
    b.problemsConfirmed++;
    const found = rechecks.filter((x) => x.problemId === p.problemId).map((x) => recheckOf(x.data));
    const due = rechecksDue(
      p.confirmedOn,
      today,
      found.map((x) => x.months),
    );
    for (const [m, t] of [
      [3, out.problems.months3],
      [6, out.problems.months6],
    ] as const) {
      const r = found.find((x) => x.months === m);
      if (r) {
        t.checked++;
        if (r.cameBack) t.cameBack++;
        else t.stayed++;
      } else if (due.includes(m)) t.waiting++;
    }
    const back = found.find((x) => x.cameBack);
    if (back) {
      out.problems.cameBack++;
      b.cameBack++;
      out.cameBack.push({
        problemId: p.problemId,
        branchName: p.branchName,
        title: p.title,
        months: back.months,
        note: back.note,
      });
    } else if (found.length) {
      out.problems.stayedSolved++;
      b.stayedSolved++;
    }
    const ba = beforeAfterOf(p.data as FieldData);
    if (!ba) continue;
    let g = out.problemMeasures.find((x) => x.name === ba.name && x.unit === ba.unit);
    if (!g) {
      g = { name: ba.name, unit: ba.unit, problems: 0, before: 0, after: 0, improvement: 0 };
      out.problemMeasures.push(g);
    }
    g.problems++;
    g.before = round(g.before + ba.before);
    g.after = round(g.after + ba.after);
    // A problem's measure counts what went down (waiting days, complaints): before − after.
    g.improvement = round(g.before - g.after);
  }
  return out;
}
