import { actionKinds } from '../../../common/actions.js';
import { summaryPartKeys, type SummaryPartKey, type SummaryView } from '../../../common/api/documents.js';
import { proseWarnings, resolvePlaceholders } from '../../../common/summary-text.js';
import type { Block, DocModel } from './docx-kit.js';
import { cnDate, cnMonth, monthOnly, ordinals } from './format.js';
import type { SummaryFacts } from './summary-facts.js';
import { partFacts } from './summary-parts.js';
import { defaultProse, partHeadings, placeholders } from './summary-prose.js';

export type { Indicators, SummaryFacts } from './summary-facts.js';
export { defaultProse, placeholders } from './summary-prose.js';

export interface SummaryProse {
  title?: string;
  parts?: Partial<Record<SummaryPartKey, string>>;
  /** The records chosen as examples; absent: every highlight and exemplary case. */
  exampleIds?: number[];
  version?: number;
  updatedAt?: string;
  updatedBy?: string;
}

/** The parts present for a campaign: the intro, one per configured kind, the shortcomings, plans, close. */
export function partKeys(f: SummaryFacts): SummaryPartKey[] {
  const kinds = new Set(f.kinds.map((k) => k.kind));
  return summaryPartKeys.filter((k) => !(actionKinds as readonly string[]).includes(k) || kinds.has(k));
}

export function defaultTitle(f: SummaryFacts): string {
  return `${f.campaign.name}工作总结`;
}

/** The records that may be cited: those the committee marked as highlights or exemplary cases. */
export function exampleCandidates(f: SummaryFacts) {
  return f.records.filter((r) => r.highlight || r.exemplary);
}

/** The chosen examples: as saved (those still approved in the period), or every candidate. */
export function chosenExamples(f: SummaryFacts, saved: SummaryProse | null): Set<number> {
  if (!saved?.exampleIds) return new Set(exampleCandidates(f).map((r) => r.id));
  const approved = new Set(f.records.map((r) => r.id));
  return new Set(saved.exampleIds.filter((id) => approved.has(id)));
}

/** What the editor shows: every part with its prose, how it prints, its facts and warnings. */
export function summaryViewOf(f: SummaryFacts, saved: SummaryProse | null): SummaryView {
  const values = placeholders(f);
  const chosen = chosenExamples(f, saved);
  // Chosen records that are not marked (picked by id) are listed too, so they can be unpicked.
  const listed = [
    ...exampleCandidates(f),
    ...f.records.filter((r) => chosen.has(r.id) && !r.highlight && !r.exemplary),
  ];
  return {
    campaign: { id: f.campaign.id, name: f.campaign.name, year: f.campaign.year },
    title: saved?.title ?? defaultTitle(f),
    period: f.period,
    version: saved?.version ?? 0,
    updatedAt: saved?.updatedAt ?? null,
    updatedBy: saved?.updatedBy ?? null,
    placeholders: Object.entries(values).map(([name, value]) => ({ name, value })),
    examples: listed.map((r) => ({
      id: r.id,
      kind: r.kind,
      branchName: r.branchName,
      title: r.title,
      note: r.exemplaryNote ?? r.highlightNote ?? null,
      highlight: r.highlight,
      exemplary: r.exemplary,
      chosen: chosen.has(r.id),
    })),
    parts: partKeys(f).map((key) => {
      const prose = saved?.parts?.[key] ?? defaultProse[key];
      return {
        key,
        heading: partHeadings[key],
        prose,
        resolved: resolvePlaceholders(prose, values).text,
        facts: partFacts(key, f, chosen),
        warnings: proseWarnings(prose, values),
        defaultProse: defaultProse[key],
        isDefault: prose === defaultProse[key],
      };
    }),
  };
}

/**
 * The annual summary as a document, in the order such summaries take: the opening, 一、基本情况,
 * 二、主要做法和成效 (one （一） per action), 三、存在的问题和不足, 四、下一步工作打算, the closing and
 * the signature of the committee.
 */
export function summaryModel(f: SummaryFacts, saved: SummaryProse | null): DocModel {
  const view = summaryViewOf(f, saved);
  const part = (key: SummaryPartKey) => view.parts.find((p) => p.key === key);
  const blocks: Block[] = [
    { t: 'title', text: view.title },
    { t: 'subtitle', text: `(${cnMonth(f.period.from)}至${monthOnly(f.period.to)})` },
  ];
  const intro = part('intro');
  if (intro) blocks.push({ t: 'para', text: intro.resolved });
  let n = 0;
  const heading = (text: string) => blocks.push({ t: 'heading', text: `${ordinals[n++]}、${text}` });

  heading('基本情况');
  for (const fact of intro?.facts ?? []) blocks.push({ t: 'para', text: fact });

  heading('主要做法和成效');
  let m = 0;
  for (const p of view.parts.filter((x) => (actionKinds as readonly string[]).includes(x.key))) {
    blocks.push({ t: 'heading2', text: `(${ordinals[m++]})${p.heading}` });
    blocks.push({ t: 'para', text: p.resolved });
    for (const fact of p.facts) blocks.push({ t: 'para', text: fact });
  }

  const shortcomings = part('shortcomings');
  if (shortcomings) {
    heading('存在的问题和不足');
    if (shortcomings.resolved.trim()) blocks.push({ t: 'para', text: shortcomings.resolved });
    for (const fact of shortcomings.facts) blocks.push({ t: 'para', text: fact });
  }
  const plans = part('plans');
  if (plans?.resolved.trim()) {
    heading('下一步工作打算');
    blocks.push({ t: 'para', text: plans.resolved });
  }
  const closing = part('closing');
  if (closing?.resolved.trim()) blocks.push({ t: 'para', text: closing.resolved });
  blocks.push({ t: 'signature', lines: [f.committeeName, cnDate(f.generatedOn)] });
  return { title: view.title, blocks };
}
