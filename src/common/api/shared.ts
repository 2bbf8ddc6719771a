import { z } from 'zod';

/** Trimmed, non-empty text with a maximum length, as typed into a form. */
export const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `不能超过 ${max} 个字`);
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();
export const id = z.coerce.number().int().positive().max(2_147_483_647);
export const idParam = z.object({ id });
export const okSchema = z.object({ ok: z.literal(true) });
export const isoDate = z.iso.date();
export const page = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
};
