import type { OidcConfig, OidcRoleGrant } from '../../config-oidc.js';
import { roleScope, type Role } from '../../../common/roles.js';

/** What Duibiao reads from the provider's ID token and userinfo. */
export interface SsoIdentity {
  subject: string;
  username: string | null;
  employeeNo: string | null;
  name: string | null;
  /** The values of the role claim (groups), as strings. */
  groups: string[];
  /** The mobile number, where the service gives one (DingTalk, WeCom): matched when no 工号 is. */
  mobile?: string | null;
}

const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.trim().slice(0, 64) : typeof v === 'number' ? String(v) : null;

export function identityFrom(claims: Record<string, unknown>, config: OidcConfig): SsoIdentity {
  const rawGroups = claims[config.roleClaim];
  const groups = (Array.isArray(rawGroups) ? rawGroups : rawGroups === undefined ? [] : [rawGroups])
    .map(text)
    .filter((g): g is string => g !== null);
  return {
    subject: String(claims.sub),
    username: text(claims[config.usernameClaim]),
    employeeNo: config.employeeNoClaim ? text(claims[config.employeeNoClaim]) : null,
    name: text(claims[config.nameClaim]),
    groups,
  };
}

/**
 * The grants the groups map to. A branch role without a fixed branch takes the person's own
 * branch; a role scoped to departments or a grassroots unit is left to the administrator, since
 * the provider does not know Duibiao's units.
 */
export function grantsFor(
  identity: SsoIdentity,
  config: { roleMap: Record<string, OidcRoleGrant> },
  personBranchId: number | null,
): ExternalGrant[] {
  const out: ExternalGrant[] = [];
  for (const group of identity.groups) {
    const mapped = config.roleMap[group];
    if (!mapped) continue;
    const scope = roleScope[mapped.role];
    let grant: ExternalGrant | null = null;
    // A committee group names its company when it is a company's committee, not the group's.
    if (scope === 'all')
      grant = {
        role: mapped.role,
        branchId: null,
        companyId: mapped.role === 'committee' ? (mapped.companyId ?? null) : null,
      };
    else if (scope === 'branch') {
      const branchId = mapped.branchId ?? personBranchId;
      if (branchId !== null) grant = { role: mapped.role, branchId, companyId: null };
    }
    if (grant && !out.some((g) => sameGrant(g, grant))) out.push(grant);
  }
  return out;
}

/** A grant the company's sign-in gives: a role, with its branch or (a committee's) company. */
export interface ExternalGrant {
  role: Role;
  branchId: number | null;
  companyId: number | null;
}

export const sameGrant = (a: ExternalGrant, b: ExternalGrant) =>
  a.role === b.role && a.branchId === b.branchId && a.companyId === b.companyId;
