import type { LdapConfig, LdapSyncConfig } from '../../config-ldap.js';
import { AppError } from '../../lib/errors.js';
import { first, openDirectory } from '../sso/ldap-directory.js';

/** One person as the directory has them, with the OUs above them (nearest first). */
export interface DirectoryEntry {
  dn: string;
  employeeNo: string | null;
  name: string | null;
  mobile: string | null;
  /** The department attribute, or the name of the OU the entry sits in. */
  department: string | null;
  /** Each OU above the entry, nearest first, by its name and by its whole DN (lower case). */
  ous: { name: string; dn: string }[];
}

/** A DN's RDNs, split at commas that are not escaped ("\,"), spaces around them dropped. */
const rdns = (dn: string) => dn.split(/(?<!\\),/).map((r) => r.trim());

export function ousOf(dn: string): { name: string; dn: string }[] {
  const parts = rdns(dn);
  const out: { name: string; dn: string }[] = [];
  for (let i = 1; i < parts.length; i++) {
    const m = /^ou=(.+)$/i.exec(parts[i]!);
    if (m) out.push({ name: m[1]!.toLowerCase(), dn: parts.slice(i).join(',').toLowerCase() });
  }
  return out;
}

/** Everyone under the sync's base matching its filter, read a page at a time. */
export async function readDirectoryPeople(
  settings: LdapConfig,
  sync: LdapSyncConfig,
): Promise<DirectoryEntry[]> {
  const client = await openDirectory(settings);
  try {
    const { searchEntries } = await client.search(sync.base, {
      scope: 'sub',
      filter: sync.filter,
      paged: { pageSize: 500 },
      attributes: [
        settings.employeeNoAttr,
        settings.nameAttr,
        sync.mobileAttr,
        ...(sync.departmentAttr ? [sync.departmentAttr] : []),
      ],
    });
    return searchEntries.map((e) => {
      const ous = ousOf(e.dn);
      const ouName = /^ou=(.+)$/i.exec(rdns(e.dn)[1] ?? '')?.[1] ?? null;
      return {
        dn: e.dn,
        employeeNo: first(e[settings.employeeNoAttr]),
        name: first(e[settings.nameAttr]),
        mobile: first(e[sync.mobileAttr]),
        department: sync.departmentAttr ? first(e[sync.departmentAttr]) : ouName,
        ous,
      };
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('LDAP_UNREACHABLE', { reason: (err as Error).message?.slice(0, 200) });
  } finally {
    await client.unbind().catch(() => undefined);
  }
}
