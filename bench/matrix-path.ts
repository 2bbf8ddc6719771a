import { MATRIX_PAGE_SIZE } from '../src/common/api/dashboard.js';

/**
 * The matrix as the web client asks for it: one page of branches (page 1 is what the dashboard
 * opens on), in the same query string the client builds.
 */
export function matrixPath(campaignId: number, page = 1): string {
  const offset = (page - 1) * MATRIX_PAGE_SIZE;
  return `/api/dashboard/matrix?campaignId=${campaignId}&offset=${offset}&limit=${MATRIX_PAGE_SIZE}`;
}

export const lastPage = (branches: number) => Math.max(1, Math.ceil(branches / MATRIX_PAGE_SIZE));
