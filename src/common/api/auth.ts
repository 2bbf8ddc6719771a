import { z } from 'zod';
import { roles } from '../roles.js';
import { text } from './shared.js';

export const loginBody = z.object({
  username: text(64),
  password: z.string().min(1).max(256),
});

/** Inside DingTalk: the one-time code the app gave the page (requestAuthCode). */
export const dingtalkLoginBody = z.object({ code: z.string().min(1).max(200) });

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const grantSchema = z.object({
  role: z.enum(roles),
  branchId: z.number().int().nullable(),
  grassrootsUnitId: z.number().int().nullable(),
  departmentIds: z.array(z.number().int()),
  /** A committee grant's company: that company's organ committee. Absent or null: the group's. */
  companyId: z.number().int().nullable().optional(),
  /** The branches of that company, resolved by the server so the policies need no lookup. */
  companyBranchIds: z.array(z.number().int()).optional(),
});
export type Grant = z.infer<typeof grantSchema>;

export const meSchema = z.object({
  authenticated: z.boolean(),
  setupRequired: z.boolean(),
  demo: z.boolean(),
  organisationName: z.string().nullable(),
  /**
   * How one may sign in here: the company's sign-in button (with its label, or the default
   * 使用统一身份认证登录) when configured, and whether passwords are for everyone or only the
   * break-glass administrator.
   */
  signIn: z.object({
    sso: z.object({ label: z.string().nullable() }).nullable(),
    /** The sign-in form checks names and passwords against the company directory (LDAP / AD). */
    directory: z.boolean(),
    /** Inside DingTalk, the page asks the app for a sign-in code for this organisation (corpId). */
    dingtalk: z.object({ corpId: z.string() }).nullable(),
    /** Inside WeCom, the page sends the browser through WeCom's authorize address. */
    wecom: z.boolean(),
    passwords: z.enum(['all', 'break_glass']),
  }),
  user: z
    .object({
      id: z.number(),
      username: z.string(),
      displayName: z.string(),
      personId: z.number().nullable(),
      mustChangePassword: z.boolean(),
      grants: z.array(grantSchema),
    })
    .nullable(),
});
export type Me = z.infer<typeof meSchema>;

/** Logging out ends Duibiao's session; where the provider has a logout, the browser goes there next. */
export const logoutSchema = z.object({ ok: z.literal(true), endSessionUrl: z.string().nullable() });
export type LogoutResult = z.infer<typeof logoutSchema>;

/** Password rule of the product: 8+ characters drawn from at least three of four classes. */
export function isWeakPassword(password: string): boolean {
  if (password.length < 8) return true;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  return classes < 3;
}
