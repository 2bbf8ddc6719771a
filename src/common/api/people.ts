import { z } from 'zod';
import { branchPosts, memberStatuses } from '../enums.js';
import { text, optionalText, id, isoDate, page } from './shared.js';

export const personBody = z.object({
  name: text(30),
  employeeNo: optionalText(30),
  gender: z.enum(['male', 'female']).nullable().optional(),
  branchId: id.nullable(),
  partyGroupId: id.nullable().optional(),
  departmentId: id.nullable().optional(),
  memberStatus: z.enum(memberStatuses),
  branchPost: z.enum(branchPosts).nullable().optional(),
  /** The first day of a newly given post (default today); the previous post ends the day before. */
  postSince: isoDate.nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\- ]{0,20}$/, '电话号码只能包含数字、空格、+ 和 -')
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional(),
  email: z
    .union([z.literal(''), z.email()])
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional(),
  joinedPartyOn: z.iso.date().nullable().optional(),
});
export const personPatch = personBody.partial().extend({ active: z.boolean().optional() });

export const personSchema = z.object({
  id: z.number(),
  name: z.string(),
  employeeNo: z.string().nullable(),
  gender: z.enum(['male', 'female']).nullable(),
  branchId: z.number().nullable(),
  partyGroupId: z.number().nullable(),
  departmentId: z.number().nullable(),
  memberStatus: z.enum(memberStatuses),
  branchPost: z.enum(branchPosts).nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  joinedPartyOn: z.string().nullable(),
  active: z.boolean(),
  username: z.string().nullable(),
});
export type Person = z.infer<typeof personSchema>;

export const peopleQuery = z.object({
  branchId: id.optional(),
  q: z.string().trim().max(30).optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
  ...page,
});
export const peopleList = z.object({ total: z.number(), items: z.array(personSchema) });

/** One post held (任职记录): from its first day to its last, both included; no end while held. */
export const postTerm = z.object({
  id: z.number(),
  personId: z.number(),
  branchId: z.number(),
  branchName: z.string(),
  post: z.enum(branchPosts),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
});
export type PostTerm = z.infer<typeof postTerm>;
export const postTermList = z.object({ items: z.array(postTerm) });
export const postTermBody = z.object({
  post: z.enum(branchPosts),
  /** Default: the person's branch. A past term may name another branch. */
  branchId: id.optional(),
  startedOn: isoDate,
  endedOn: isoDate.nullable().optional(),
});
export const postTermPatch = postTermBody.partial();
