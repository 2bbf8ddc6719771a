import { z } from 'zod';
import { bool, loopback, roleGrants, roleMap, type OidcRoleGrant } from './config-oidc.js';

/** A JSON object of names to names, such as the OU → branch map. */
const jsonRecord = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be JSON, e.g. {"财务部":"第一党支部"}' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string().min(1), z.string().min(1)));

/**
 * Sign-in with the company directory (LDAP / Active Directory): setting LDAP_URL turns it on. The
 * sign-in form then checks names and passwords against the directory (a bind as the user), and
 * the user's groups map to roles as the OIDC groups do.
 */
export const ldapEnv = {
  LDAP_URL: z.url({ protocol: /^ldaps?$/ }).optional(),
  // Plain ldap:// outside this machine only with StartTLS: passwords never cross the network bare.
  LDAP_STARTTLS: bool.default(false),
  // The account that looks users up (a read-only service account); anonymous search when unset.
  LDAP_BIND_DN: z.string().min(1).optional(),
  LDAP_BIND_PASSWORD: z.string().min(1).optional(),
  // Where users are, and how a typed name finds its entry: {username} is replaced, escaped.
  LDAP_USER_BASE: z.string().min(1).optional(),
  LDAP_USER_FILTER: z.string().includes('{username}').default('(uid={username})'),
  LDAP_USERNAME_ATTR: z.string().min(1).default('uid'),
  LDAP_EMPLOYEE_NO_ATTR: z.string().min(1).default('employeeNumber'),
  LDAP_NAME_ATTR: z.string().min(1).default('cn'),
  // Groups: searched under LDAP_GROUP_BASE as entries naming the user as `member` (OpenLDAP), or
  // read from the user's `memberOf` (Active Directory) when unset.
  LDAP_GROUP_BASE: z.string().min(1).optional(),
  LDAP_ROLE_MAP: roleMap.optional(),
  LDAP_CREATE_ACCOUNTS: bool.default(false),
  // The nightly sync of people and departments from the directory into the organisation: off
  // unless turned on. People are matched by the employee number attribute above.
  LDAP_SYNC: bool.default(false),
  LDAP_SYNC_BASE: z.string().min(1).optional(),
  LDAP_SYNC_FILTER: z.string().min(1).default('(objectClass=inetOrgPerson)'),
  LDAP_MOBILE_ATTR: z.string().min(1).default('mobile'),
  // The attribute naming a person's department; unset: the OU the entry sits in.
  LDAP_DEPARTMENT_ATTR: z.string().min(1).optional(),
  // Which OU (by name or whole DN) is which branch (by name or short name); people in no listed
  // OU are outside the branches and are not brought in.
  LDAP_SYNC_BRANCHES: jsonRecord.optional(),
  // The hour (China time) after which the day's sync runs.
  LDAP_SYNC_HOUR: z.coerce.number().int().min(0).max(23).default(2),
};

/** What the sync reads from the directory and where it puts people. */
export interface LdapSyncConfig {
  base: string;
  filter: string;
  mobileAttr: string;
  /** Null: the name of the OU the entry sits in. */
  departmentAttr: string | null;
  /** OU name or DN (lower case) → branch name or short name. */
  branches: Record<string, string>;
  hour: number;
}

export interface LdapConfig {
  url: string;
  startTls: boolean;
  bindDn: string | null;
  bindPassword: string | null;
  userBase: string;
  userFilter: string;
  usernameAttr: string;
  employeeNoAttr: string;
  nameAttr: string;
  groupBase: string | null;
  /** Keyed by a group's cn or its whole DN. */
  roleMap: Record<string, OidcRoleGrant>;
  createAccounts: boolean;
  /** Null: no sync. */
  sync: LdapSyncConfig | null;
}

type LdapEnv = z.output<z.ZodObject<typeof ldapEnv>>;

/** The LDAP part of the configuration, or null when LDAP_URL is unset; throws on a half setup. */
export function ldapConfigFrom(e: LdapEnv): LdapConfig | null {
  if (!e.LDAP_URL) return null;
  if (!e.LDAP_USER_BASE) throw new Error('LDAP_USER_BASE is required with LDAP_URL');
  if (!!e.LDAP_BIND_DN !== !!e.LDAP_BIND_PASSWORD)
    throw new Error('LDAP_BIND_DN and LDAP_BIND_PASSWORD go together');
  const url = new URL(e.LDAP_URL);
  if (url.protocol === 'ldap:' && !e.LDAP_STARTTLS && !loopback.has(url.hostname))
    throw new Error('LDAP_URL must use ldaps:// or LDAP_STARTTLS=1 (plain ldap only on this machine)');
  return {
    url: e.LDAP_URL,
    startTls: e.LDAP_STARTTLS,
    bindDn: e.LDAP_BIND_DN ?? null,
    bindPassword: e.LDAP_BIND_PASSWORD ?? null,
    userBase: e.LDAP_USER_BASE,
    userFilter: e.LDAP_USER_FILTER,
    usernameAttr: e.LDAP_USERNAME_ATTR,
    employeeNoAttr: e.LDAP_EMPLOYEE_NO_ATTR,
    nameAttr: e.LDAP_NAME_ATTR,
    groupBase: e.LDAP_GROUP_BASE ?? null,
    roleMap: roleGrants(e.LDAP_ROLE_MAP),
    createAccounts: e.LDAP_CREATE_ACCOUNTS,
    sync: syncConfigFrom(e),
  };
}

function syncConfigFrom(e: LdapEnv): LdapSyncConfig | null {
  if (!e.LDAP_SYNC) return null;
  const branches = Object.entries(e.LDAP_SYNC_BRANCHES ?? {});
  if (branches.length === 0)
    throw new Error('LDAP_SYNC_BRANCHES is required with LDAP_SYNC, e.g. {"财务部":"第一党支部"}');
  return {
    base: e.LDAP_SYNC_BASE ?? e.LDAP_USER_BASE!,
    filter: e.LDAP_SYNC_FILTER,
    mobileAttr: e.LDAP_MOBILE_ATTR,
    departmentAttr: e.LDAP_DEPARTMENT_ATTR ?? null,
    branches: Object.fromEntries(branches.map(([ou, branch]) => [ou.toLowerCase(), branch])),
    hour: e.LDAP_SYNC_HOUR,
  };
}
