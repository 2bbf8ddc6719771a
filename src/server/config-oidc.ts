import { z } from 'zod';
import { roles, type Role } from '../common/roles.js';

export const bool = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

/**
 * One value of the role claim → the role it grants, with a branch for branch roles if fixed, and
 * for a committee the company whose committee it is (without one: the group's committee).
 */
const roleMapEntry = z.union([
  z.enum(roles),
  z.object({
    role: z.enum(roles),
    branchId: z.number().int().positive().optional(),
    companyId: z.number().int().positive().optional(),
  }),
]);

/** A JSON object from group (or role-claim value) to the grant it gives; shared by OIDC and LDAP. */
export const roleMap = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be JSON, e.g. {"duibiao-admins":"admin"}' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string().min(1), roleMapEntry));

/**
 * Single sign-on through the company's OpenID Connect provider (统一身份认证). Setting OIDC_ISSUER
 * turns it on; the client id and secret are then required.
 */
export const oidcEnv = {
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  // Where the provider sends the browser back; registered with the provider as the redirect URI.
  OIDC_REDIRECT_URL: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_SCOPES: z.string().min(1).default('openid profile email'),
  // The claim holding the account name, and the claim holding the employee number (工号), if any.
  OIDC_USERNAME_CLAIM: z.string().min(1).default('preferred_username'),
  OIDC_EMPLOYEE_NO_CLAIM: z.string().min(1).optional(),
  OIDC_NAME_CLAIM: z.string().min(1).default('name'),
  // The claim listing the user's groups or roles, and what each of its values grants.
  OIDC_ROLE_CLAIM: z.string().min(1).default('groups'),
  OIDC_ROLE_MAP: roleMap.optional(),
  // Whether a first sign-in of someone without an account creates one; otherwise 请联系管理员.
  OIDC_CREATE_ACCOUNTS: bool.default(false),
  OIDC_BUTTON_LABEL: z.string().min(1).max(40).optional(),
};

export interface OidcRoleGrant {
  role: Role;
  branchId?: number;
  companyId?: number;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  /** Where the provider's logout sends the browser back to: the sign-in page. */
  postLogoutRedirectUrl: string;
  scopes: string;
  usernameClaim: string;
  employeeNoClaim: string | null;
  nameClaim: string;
  roleClaim: string;
  roleMap: Record<string, OidcRoleGrant>;
  createAccounts: boolean;
  /** The sign-in button's label when not the default 使用统一身份认证登录. */
  buttonLabel: string | null;
  /** Plain http is accepted only for a provider on this machine (development, tests). */
  allowHttp: boolean;
}

/** The parsed role map with every entry in the object form. */
export function roleGrants(map: z.output<typeof roleMap> | undefined): Record<string, OidcRoleGrant> {
  return Object.fromEntries(
    Object.entries(map ?? {}).map(([k, v]) => [k, typeof v === 'string' ? { role: v } : v]),
  );
}

type OidcEnv = z.output<z.ZodObject<typeof oidcEnv>>;

export const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The OIDC part of the configuration, or null when OIDC_ISSUER is unset; throws on a half setup. */
export function oidcConfigFrom(e: OidcEnv, publicBaseUrl: string): OidcConfig | null {
  if (!e.OIDC_ISSUER) return null;
  if (!e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET)
    throw new Error('OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required with OIDC_ISSUER');
  const issuer = new URL(e.OIDC_ISSUER);
  const allowHttp = loopback.has(issuer.hostname);
  if (issuer.protocol !== 'https:' && !allowHttp)
    throw new Error('OIDC_ISSUER must use https (plain http only for a provider on this machine)');
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    redirectUrl: e.OIDC_REDIRECT_URL ?? `${publicBaseUrl}/api/auth/oidc/callback`,
    postLogoutRedirectUrl: `${publicBaseUrl}/login`,
    scopes: e.OIDC_SCOPES,
    usernameClaim: e.OIDC_USERNAME_CLAIM,
    employeeNoClaim: e.OIDC_EMPLOYEE_NO_CLAIM ?? null,
    nameClaim: e.OIDC_NAME_CLAIM,
    roleClaim: e.OIDC_ROLE_CLAIM,
    roleMap: roleGrants(e.OIDC_ROLE_MAP),
    createAccounts: e.OIDC_CREATE_ACCOUNTS,
    buttonLabel: e.OIDC_BUTTON_LABEL ?? null,
    allowHttp,
  };
}
