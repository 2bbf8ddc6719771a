import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** An account at the test provider: the claims the company directory would hold. */
export interface ProviderAccount {
  sub: string;
  preferred_username?: string;
  name?: string;
  employee_number?: string;
  groups?: string[];
}

export const TEST_CLIENT = { id: 'duibiao', secret: 'duibiao-test-secret-0123456789abcdef' };

/**
 * A real OpenID Connect provider (oidc-provider) on a free loopback port, with one client
 * registered for Duibiao and seeded accounts. Its login and consent pages are replaced by a
 * handler that signs in `as` (the account the test says is at the keyboard) and grants what the
 * client asked for: the provider's own checks (codes, PKCE, tokens) are all real.
 */
export async function startOidcProvider(options: {
  redirectUri: string;
  postLogoutRedirectUri: string;
  accounts: ProviderAccount[];
  /** A port chosen beforehand (the app must know the issuer before the provider knows the app). */
  port?: number;
}): Promise<{ issuer: string; as: (sub: string) => void; close(): Promise<void> }> {
  let atKeyboard = options.accounts[0]!.sub;
  let provider: Provider | null = null;
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/interaction/')) void interact(req, res);
    else provider!.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map(options.accounts.map((a) => [a.sub, a]));

  provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: [options.postLogoutRedirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'employee_number', 'groups'] },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['duibiao-test-cookie-key'] },
    // Seconds. An ID token lives an hour: the expiry test reads one two hours later.
    ttl: {
      AuthorizationCode: 60,
      IdToken: 3600,
      AccessToken: 3600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    async findAccount(_ctx: unknown, sub: string) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: () => ({ ...account }) };
    },
  });

  async function interact(req: IncomingMessage, res: ServerResponse) {
    try {
      const details = await provider!.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        await provider!.interactionFinished(req, res, { login: { accountId: atKeyboard } });
        return;
      }
      const grant = new provider!.Grant({
        accountId: details.session!.accountId,
        clientId: details.params.client_id as string,
      });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider!.interactionFinished(
        req,
        res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
    } catch (err) {
      res.statusCode = 500;
      res.end(String(err));
    }
  }

  return {
    issuer,
    as: (sub) => {
      atKeyboard = sub;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port free at the moment of asking. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * Plays the browser at the provider: follows its redirects (keeping its cookies) from the
 * authorization URL until it sends the browser back to `redirectUri`, and answers that URL.
 */
export async function throughProvider(authorizationUrl: string, redirectUri: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  for (let hop = 0; hop < 12; hop++) {
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`provider answered ${res.status}: ${await res.text()}`);
    const next = new URL(location, url);
    if (next.href.startsWith(redirectUri)) return next;
    url = next.href;
  }
  throw new Error('too many redirects at the provider');
}
