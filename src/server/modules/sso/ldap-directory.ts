import { Client, InvalidCredentialsError, ResultCodeError } from 'ldapts';
import type { LdapConfig } from '../../config-ldap.js';
import { AppError } from '../../lib/errors.js';
import type { SsoIdentity } from './sso-claims.js';

type Entry = Awaited<ReturnType<Client['search']>>['searchEntries'][number];

/** RFC 4515: a typed name never changes the filter it is put in ("*", parentheses, NUL, "\"). */
export function escapeFilterValue(value: string): string {
  return value.replace(/[\\*()\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export const first = (v: Entry[string] | undefined): string | null => {
  const one = Array.isArray(v) ? v[0] : v;
  const text = one === undefined ? '' : one.toString().trim();
  return text ? text.slice(0, 64) : null;
};
const all = (v: Entry[string] | undefined): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) => x.toString());

/** A group by its DN and by its cn, so the role map may name either. */
function groupNames(dn: string): string[] {
  const cn = /^cn=([^,]+)/i.exec(dn)?.[1];
  return cn ? [dn, cn] : [dn];
}

/** A client on the directory, over TLS where the settings ask for it; refused connections say so. */
async function connect(settings: LdapConfig): Promise<Client> {
  const client = new Client({ url: settings.url, timeout: 5000, connectTimeout: 5000 });
  if (settings.startTls) await client.startTLS();
  return client;
}

/**
 * A client bound as the service account (or anonymous), for reading the directory; the caller
 * unbinds it. Any failure to reach it or bind is LDAP_UNREACHABLE.
 */
export async function openDirectory(settings: LdapConfig): Promise<Client> {
  let client: Client | null = null;
  try {
    client = await connect(settings);
    if (settings.bindDn) await client.bind(settings.bindDn, settings.bindPassword ?? '');
    return client;
  } catch (err) {
    await client?.unbind().catch(() => undefined);
    throw unreachable(err);
  }
}

const unreachable = (err: unknown) =>
  new AppError('LDAP_UNREACHABLE', {
    reason: err instanceof ResultCodeError ? `ldap ${err.code}` : (err as Error).message?.slice(0, 200),
  });

/**
 * Checks a name and password against the directory: finds the entry with the service account
 * (or anonymously), then binds as it with the password. Null for an unknown name or a wrong
 * password (the same answer for both); the person's identity with their groups otherwise.
 */
export async function checkInDirectory(
  settings: LdapConfig,
  username: string,
  password: string,
): Promise<SsoIdentity | null> {
  // An empty password is an anonymous bind, which a directory accepts: never a sign-in.
  if (!password) return null;
  let search: Client | null = null;
  let asUser: Client | null = null;
  try {
    search = await connect(settings);
    if (settings.bindDn) await search.bind(settings.bindDn, settings.bindPassword ?? '');
    const filter = settings.userFilter.replaceAll('{username}', escapeFilterValue(username));
    const { searchEntries } = await search.search(settings.userBase, {
      scope: 'sub',
      filter,
      sizeLimit: 2,
      attributes: [settings.usernameAttr, settings.employeeNoAttr, settings.nameAttr, 'memberOf'],
    });
    // No entry, or a filter so loose that two match: nobody to bind as.
    if (searchEntries.length !== 1) return null;
    const entry = searchEntries[0]!;
    asUser = await connect(settings);
    try {
      await asUser.bind(entry.dn, password);
    } catch (err) {
      if (err instanceof InvalidCredentialsError) return null;
      throw err;
    }
    let groups = all(entry.memberOf).flatMap(groupNames);
    if (settings.groupBase) {
      const dn = escapeFilterValue(entry.dn);
      const found = await search.search(settings.groupBase, {
        scope: 'sub',
        filter: `(|(member=${dn})(uniqueMember=${dn}))`,
        attributes: ['cn'],
      });
      groups = found.searchEntries.flatMap((g) => groupNames(g.dn));
    }
    return {
      subject: entry.dn,
      username: first(entry[settings.usernameAttr]) ?? username,
      employeeNo: first(entry[settings.employeeNoAttr]),
      name: first(entry[settings.nameAttr]),
      groups: [...new Set(groups)],
    };
  } catch (err) {
    // A refused connection, a timeout or the service account refused: the directory, not the user.
    throw unreachable(err);
  } finally {
    await Promise.allSettled([search?.unbind(), asUser?.unbind()]);
  }
}
