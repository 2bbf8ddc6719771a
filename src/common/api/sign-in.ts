import { z } from 'zod';

export const createLinkBody = z.object({
  /** Minutes the QR code stays valid: long enough for a meeting's arrival, short enough not to be passed around. */
  minutes: z.number().int().min(5).max(240).default(30),
});
export const linkSchema = z.object({ path: z.string(), token: z.string(), expiresAt: z.string() });
export const tokenParam = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });

export const signInInfo = z.object({
  recordId: z.number(),
  title: z.string(),
  branchName: z.string(),
  occurredOn: z.string(),
  expiresAt: z.string(),
  /** The caller's own line in the attendance list, if they are expected. */
  expected: z.boolean(),
  signedInAt: z.string().nullable(),
});
