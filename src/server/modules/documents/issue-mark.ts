import type { DocModel } from './docx-kit.js';

/**
 * What a bulletin or summary says about its own issue: the issuing body, the date and either the
 * issue number (期号, with the 文号 where there is one) or that it is a draft. The generators
 * decide the content; this only adds the lines above the title.
 */
export interface IssueMark {
  /** The issuing body's full name, also signed at the foot. */
  issuer: string;
  /** The date printed on the document: the issue date, or for a draft the day it was made. */
  date: string;
  /** “2020年第3期”; null for a draft. */
  issueNumber: string | null;
  docNumber: string | null;
}

export const DRAFT_MARK = '草稿（未印发）';

export function withIssueMark(model: DocModel, mark: IssueMark): DocModel {
  const numberLine = mark.issueNumber
    ? [mark.docNumber, mark.issueNumber].filter(Boolean).join('　')
    : DRAFT_MARK;
  return {
    ...model,
    blocks: [{ t: 'subtitle', text: mark.issuer }, { t: 'subtitle', text: numberLine }, ...model.blocks],
  };
}

/** A draft's file name says so, so a downloaded draft is never filed as the issued document. */
export const draftFileName = (base: string) => `${base}（草稿）`;
