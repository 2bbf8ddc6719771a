import { z } from 'zod';
import { text } from './shared.js';

export const setupBody = z.object({
  organisationName: text(100),
  committeeName: text(100).default('机关党委'),
  adminUsername: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为 3–32 位字母、数字、下划线、点或短横线'),
  adminDisplayName: text(50),
  adminPassword: z.string().min(1).max(256),
  loadDemo: z.boolean().default(true),
});
