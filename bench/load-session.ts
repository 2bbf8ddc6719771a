/** The load client's browser sessions: a login with cookies and the CSRF token, as the web client does. */

export interface Session {
  username: string;
  cookie: string;
  csrf: string;
  branchId: number | null;
  recordId: number | null;
  version: number;
  committee: boolean;
}

const cookiesOf = (res: Response) =>
  res.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=') as [string, string]);

export async function login(
  base: string,
  username: string,
  password: string,
): Promise<{ cookie: string; csrf: string }> {
  const jar = new Map<string, string>();
  const me = await fetch(`${base}/api/auth/me`);
  for (const [k, v] of cookiesOf(me)) jar.set(k, v);
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: header(),
      'x-csrf-token': jar.get('duibiao_csrf') ?? '',
    },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  for (const [k, v] of cookiesOf(res)) jar.set(k, v);
  return { cookie: header(), csrf: jar.get('duibiao_csrf')! };
}

export async function api<T>(
  base: string,
  s: Pick<Session, 'cookie' | 'csrf'>,
  method: string,
  url: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export const draftBody = (i: number, round: number) => ({
  title: `压力测试自选动作 ${i}`,
  occurredOn: '',
  data: {
    category: '党建融合',
    description: `第 ${round} 次保存:结合业务开展党员先锋岗活动。`,
    novelty: '党员示范带动业务攻坚',
    tags: ['党建融合'],
  },
});

/**
 * The one ledger export of the mix: an administrator downloads the campaign's task ledger again
 * and again until `until`, each download read to its end.
 */
export async function ledgerLoop(
  base: string,
  admin: Pick<Session, 'cookie'>,
  campaignId: number,
  until: number,
) {
  const out = { downloads: 0, failed: 0, seconds: [] as number[], errors: [] as string[] };
  while (Date.now() < until) {
    const start = performance.now();
    try {
      const res = await fetch(`${base}/api/ledgers/tasks?campaignId=${campaignId}`, {
        headers: { cookie: admin.cookie },
      });
      if (res.status !== 200) throw new Error(`status ${res.status}`);
      for await (const _chunk of res.body!) void _chunk;
      out.downloads++;
      out.seconds.push(Math.round(performance.now() - start) / 1000);
    } catch (err) {
      out.failed++;
      out.errors.push(err instanceof Error ? err.message : String(err));
    }
  }
  return out;
}
