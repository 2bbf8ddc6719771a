import { z } from 'zod';

/** Trimmed, non-empty text with a maximum length, as typed into a form. */
// Bidirectional control characters can make a name display as something else (土木 shown as 木土).
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/;

export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, '不能为空')
    .max(max, `不能超过 ${max} 个字`)
    .refine((s) => !bidiControls.test(s), '不能包含文字方向控制字符');
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();
/** A row id: a JSON number, or in paths and queries plain decimal digits (not 0x10, 1e3 or " 7"). */
export const id = z
  .union([z.number(), z.string().regex(/^[1-9][0-9]{0,9}$/, '编号格式不正确')])
  .transform(Number)
  .pipe(z.number().int().positive().max(2_147_483_647));
export const idParam = z.object({ id });
export const okSchema = z.object({ ok: z.literal(true) });
export const isoDate = z.iso.date();
/** A campaign month, 2026-03. */
export const monthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
/** A campaign period: a month (2026-03), or a quarter (2026-Q2) for quarterly actions. */
export const periodKey = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, '期间格式应为 YYYY-MM(按季度为 YYYY-Q1 至 YYYY-Q4)');
export const page = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
};
