import { z } from 'zod';
import { departmentKinds, unitKinds } from '../enums.js';
import { text, optionalText, id } from './shared.js';

/** A company of the group: its name and its organ committee's (the full one documents are signed with). */
export const companyBody = z.object({
  name: text(100),
  shortName: optionalText(20),
  committeeName: text(100).default('机关党委'),
  committeeFullName: optionalText(100),
  sortOrder: z.number().int().min(0).max(9999).default(0),
});
export const companyPatch = z.object({
  name: text(100).optional(),
  shortName: optionalText(20),
  committeeName: text(100).optional(),
  committeeFullName: optionalText(100),
  sortOrder: z.number().int().min(0).max(9999).optional(),
  active: z.boolean().optional(),
});

export const branchBody = z.object({
  name: text(60),
  /** Omitted where the installation has one company: the branch belongs to it. */
  companyId: id.optional(),
  shortName: optionalText(20),
  sortOrder: z.number().int().min(0).max(9999).default(0),
});
/** No defaults in a patch: an edit must not reset fields it does not name. */
export const branchPatch = z.object({
  name: text(60).optional(),
  /** Moves the branch to another company (its records stay its own). */
  companyId: id.optional(),
  shortName: optionalText(20),
  sortOrder: z.number().int().min(0).max(9999).optional(),
  active: z.boolean().optional(),
});

export const partyGroupBody = z.object({ branchId: id, name: text(60) });
export const partyGroupPatch = z.object({ name: text(60).optional(), active: z.boolean().optional() });

export const departmentBody = z.object({
  name: text(60),
  kind: z.enum(departmentKinds),
  branchId: id.nullable(),
});
export const departmentPatch = departmentBody.partial().extend({ active: z.boolean().optional() });

export const unitBody = z.object({ name: text(80), kind: z.enum(unitKinds) });
export const unitPatch = unitBody.partial().extend({ active: z.boolean().optional() });

export const organisationPatch = z.object({
  name: text(100).optional(),
  committeeName: text(100).optional(),
  /** The full name issued documents are signed with; empty clears it (the usual form is used). */
  committeeFullName: optionalText(100),
});

export const structureSchema = z.object({
  organisation: z.object({
    name: z.string(),
    committeeName: z.string(),
    committeeFullName: z.string().nullable(),
  }),
  /** One where the installation serves one company; the web shows the company level from two. */
  companies: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      shortName: z.string().nullable(),
      committeeName: z.string(),
      committeeFullName: z.string().nullable(),
      sortOrder: z.number(),
      active: z.boolean(),
      branchCount: z.number(),
    }),
  ),
  branches: z.array(
    z.object({
      id: z.number(),
      companyId: z.number(),
      name: z.string(),
      shortName: z.string().nullable(),
      sortOrder: z.number(),
      active: z.boolean(),
      memberCount: z.number(),
    }),
  ),
  partyGroups: z.array(
    z.object({
      id: z.number(),
      branchId: z.number(),
      name: z.string(),
      active: z.boolean(),
      /** Active Party members (full and probationary): those a 党小组会 of the group expects. */
      memberCount: z.number(),
    }),
  ),
  departments: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      kind: z.enum(departmentKinds),
      branchId: z.number().nullable(),
      active: z.boolean(),
    }),
  ),
  units: z.array(
    z.object({ id: z.number(), name: z.string(), kind: z.enum(unitKinds), active: z.boolean() }),
  ),
});
export type Structure = z.infer<typeof structureSchema>;
