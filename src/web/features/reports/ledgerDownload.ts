import { ApiError, type QueryValue } from '../../api/client';

/** The file name of an attachment answer: the RFC 5987 UTF-8 name, else the plain one. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (utf8) {
    try {
      return decodeURIComponent(utf8[1]!);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * Downloads a file from the API (GET /api…) and hands it to the browser as a download. Errors come
 * back as JSON and are thrown as ApiError, so the page can show the server's message.
 */
export async function downloadFile(
  path: string,
  query: Record<string, QueryValue> = {},
  fallbackName = 'download.xlsx',
): Promise<string> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  let response: Response;
  try {
    response = await fetch(`/api${path}${qs ? `?${qs}` : ''}`, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      '无法连接服务器,请检查网络后重试',
      'Cannot reach the server; check the network',
    );
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code: ApiError['code']; message: string; messageEn?: string; details?: unknown };
    } | null;
    if (body?.error) {
      throw new ApiError(
        response.status,
        body.error.code,
        body.error.message,
        body.error.messageEn ?? body.error.message,
        body.error.details,
      );
    }
    throw new ApiError(
      response.status,
      'INTERNAL',
      `服务器返回了错误(${response.status}),请稍后再试`,
      `The server answered with an error (${response.status}); try again later`,
    );
  }
  const name = fileNameOf(response.headers.get('Content-Disposition'), fallbackName);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the blob goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
