import { z } from 'zod';
import { grantSchema } from './auth.js';
import { roles } from '../roles.js';
import { id, text } from './shared.js';

const grantInput = z.object({
  role: z.enum(roles),
  branchId: id.nullable().optional(),
  grassrootsUnitId: id.nullable().optional(),
  departmentIds: z.array(id).max(100).optional(),
  /** A committee grant for one company's committee; none: the group's committee. */
  companyId: id.nullable().optional(),
});
export type GrantInput = z.infer<typeof grantInput>;

export const userBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为 3–32 位字母、数字、下划线、点或短横线'),
  displayName: text(50),
  personId: id.nullable().optional(),
  initialPassword: z.string().min(1).max(256),
  grants: z.array(grantInput).min(1).max(20),
});
export const userPatch = z.object({
  displayName: text(50).optional(),
  personId: id.nullable().optional(),
  active: z.boolean().optional(),
  grants: z.array(grantInput).min(1).max(20).optional(),
});
export const resetPasswordBody = z.object({ newPassword: z.string().min(1).max(256) });

export const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  personId: z.number().nullable(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  grants: z.array(grantSchema),
});
export const userList = z.object({ items: z.array(userSchema) });
