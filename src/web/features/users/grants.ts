import type { Grant } from '../../../common/api/auth';
import type { Structure } from '../../../common/api/org';
import type { GrantInput } from '../../../common/api/users';
import { roleLabels, roleScope } from '../../../common/roles';
import type { I18n } from '../../app/i18n/I18nProvider';

/** "支部书记/支委 · 机关第一党支部": a role with its scope named, not numbered. */
export function describeGrant(
  grant: Grant,
  structure: Structure | undefined,
  i18n: Pick<I18n, 't' | 'pick'>,
) {
  const role = i18n.pick(roleLabels[grant.role]);
  const nameOf = (list: { id: number; name: string }[] | undefined, id: number | null) =>
    list?.find((item) => item.id === id)?.name ?? (id === null ? '' : `#${id}`);
  switch (roleScope[grant.role]) {
    case 'all':
      // A company's organ committee names its company; the group's stands alone.
      return grant.companyId ? `${role} · ${nameOf(structure?.companies, grant.companyId)}` : role;
    case 'branch':
      return `${role} · ${nameOf(structure?.branches, grant.branchId)}`;
    case 'unit':
      return `${role} · ${nameOf(structure?.units, grant.grassrootsUnitId)}`;
    case 'departments': {
      const names = grant.departmentIds.map((id) => nameOf(structure?.departments, id));
      return names.length ? `${role} · ${names.join('、')}` : role;
    }
  }
}

/** Keeps only the scope field the role uses, so a changed role does not carry a stale scope. */
export function cleanGrant(grant: GrantInput): GrantInput {
  switch (roleScope[grant.role]) {
    case 'all':
      return grant.role === 'committee'
        ? { role: grant.role, companyId: grant.companyId ?? null }
        : { role: grant.role };
    case 'branch':
      return { role: grant.role, branchId: grant.branchId ?? null };
    case 'unit':
      return { role: grant.role, grassrootsUnitId: grant.grassrootsUnitId ?? null };
    case 'departments':
      return { role: grant.role, departmentIds: grant.departmentIds ?? [] };
  }
}

/** The server's grant (all scope fields present) as the editor's input. */
export function grantToInput(grant: Grant): GrantInput {
  return cleanGrant(grant);
}
