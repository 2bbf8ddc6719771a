import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocFormat } from '../../../common/api/documents';
import { documentsApi } from '../../../common/api/documents.routes';
import { recordsApi } from '../../../common/api/records.routes';
import type { RouteInput, RouteResponse } from '../../../common/api/route';
import { call } from '../../api/call';
import { ApiError, readCookie, type QueryValue } from '../../api/client';

export type Capabilities = RouteResponse<typeof documentsApi.capabilities>;
export type SummarySave = RouteInput<typeof documentsApi.saveSummary>['body'];
export type IssueRequest = RouteInput<typeof documentsApi.issue>['body'];

const root = 'documents';

export function useCapabilities() {
  return useQuery({
    queryKey: [root, 'capabilities'],
    queryFn: () => call(documentsApi.capabilities),
    staleTime: 5 * 60_000,
  });
}

export function useSummary(campaignId: number | undefined) {
  return useQuery({
    queryKey: [root, 'summary', campaignId],
    queryFn: () => call(documentsApi.summary, { query: { campaignId: campaignId! } }),
    enabled: !!campaignId,
  });
}

export function useSaveSummary() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SummarySave) => call(documentsApi.saveSummary, { body }),
    onSuccess: (view) => qc.setQueryData([root, 'summary', view.campaign.id], view),
  });
}

/** The campaign's issued bulletins and summaries, the latest first. */
export function useIssuedDocuments(campaignId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: [root, 'issued', campaignId],
    queryFn: () => call(documentsApi.issued, { query: { campaignId: campaignId! } }),
    enabled: enabled && !!campaignId,
  });
}

export function useIssueDocument() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: IssueRequest) => call(documentsApi.issue, { body }),
    onSuccess: (doc) => qc.invalidateQueries({ queryKey: [root, 'issued', doc.campaignId] }),
  });
}

/** Study sessions and theme days of a month (and branch), for their meeting records. */
export function useMeetings(filter: { campaignId?: number; periodKey?: string; branchId?: number }) {
  return useQuery({
    queryKey: [root, 'meetings', filter],
    enabled: !!filter.campaignId,
    queryFn: async () => {
      const list = await Promise.all(
        (['study', 'theme_day'] as const).map((kind) =>
          call(recordsApi.list, { query: { ...filter, kind, limit: 200 } }),
        ),
      );
      return list
        .flatMap((l) => l.items)
        .sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || a.branchName.localeCompare(b.branchName));
    },
  });
}

/** File name from Content-Disposition (RFC 5987 first). */
function fileNameOf(header: string | null, fallback: string): string {
  const star = header?.match(/filename\*=UTF-8''([^;]+)/);
  if (star) return decodeURIComponent(star[1]!);
  return header?.match(/filename="([^"]+)"/)?.[1] ?? fallback;
}

/**
 * Fetches a generated document and hands it to the browser as a download. Failures come back as
 * the server's ApiError, so the page shows the Chinese message instead of a JSON page.
 */
export async function downloadDocument(
  path: string,
  query: Record<string, QueryValue>,
  format: DocFormat,
): Promise<void> {
  const params = new URLSearchParams();
  const all: Record<string, QueryValue> = { ...query, format };
  for (const [k, v] of Object.entries(all))
    if (v !== null && v !== undefined && v !== '') params.set(k, String(v));
  const headers: Record<string, string> = {};
  const csrf = readCookie('duibiao_csrf');
  if (csrf) headers['X-CSRF-Token'] = csrf;
  let res: Response;
  try {
    res = await fetch(`/api${path}?${params}`, { credentials: 'same-origin', headers });
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      '无法连接服务器,请检查网络后重试',
      'Cannot reach the server; check the network',
    );
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as {
      error?: { code: ApiError['code']; message: string; messageEn: string; details?: unknown };
    } | null;
    if (body?.error)
      throw new ApiError(
        res.status,
        body.error.code,
        body.error.message,
        body.error.messageEn,
        body.error.details,
      );
    throw new ApiError(
      res.status,
      'INTERNAL',
      `服务器返回了错误(${res.status})`,
      `The server answered ${res.status}`,
    );
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res.headers.get('Content-Disposition'), `document.${format}`);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
