import { describe, expect, it } from 'vitest';
import type { Grant } from '../../common/api/auth';
import type { Role } from '../../common/roles';
import type { SessionUser } from '../features/auth/auth.api';
import { assembleMessages } from './module';
import { commonMessages } from './i18n/common.messages';
import { messages, navEntries, pageRoutes, webModules } from './modules';
import { homePath, visibleAreas } from './navigation';

const userWith = (...roles: Role[]) =>
  ({
    grants: roles.map((role): Grant => ({
      role,
      branchId: role === 'branch_secretary' || role === 'member' ? 1 : null,
      grassrootsUnitId: role === 'grassroots_contact' ? 1 : null,
      departmentIds: role === 'leader' ? [1] : [],
    })),
  }) as unknown as SessionUser;

const menuOf = (...roles: Role[]) => visibleAreas(userWith(...roles)).map((a) => a.path);

describe('the web modules, assembled', () => {
  it('give every role the menu it had, in the same order', () => {
    expect(menuOf('admin')).toEqual([
      '/workbench',
      '/review',
      '/dashboard',
      '/fusion',
      '/revisions',
      '/problems',
      '/publicity',
      '/cases',
      '/reports',
      '/campaigns',
      '/org',
      '/users',
      '/audit',
    ]);
    expect(menuOf('branch_secretary')).toEqual([
      '/workbench',
      '/dashboard',
      '/fusion',
      '/revisions',
      '/problems',
      '/publicity',
      '/cases',
      '/reports',
      '/org',
    ]);
    expect(menuOf('member')).toEqual(['/workbench', '/dashboard', '/fusion', '/cases']);
    expect(menuOf('leader')).toEqual(['/review', '/revisions']);
    expect(menuOf('grassroots_contact')).toEqual(['/problems']);
    expect(menuOf('committee')).not.toContain('/users');
  });

  it('lead each role home to its first work', () => {
    expect(homePath(userWith('member'))).toBe('/workbench');
    expect(homePath(userWith('admin'))).toBe('/org');
    expect(homePath(userWith('leader'))).toBe('/review');
    expect(homePath(userWith('grassroots_contact'))).toBe('/problems');
  });

  it('give each menu entry its page and a label in both languages', () => {
    const paths = pageRoutes.map((p) => p.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const area of navEntries) {
      expect(paths, area.path).toContain(area.path);
      expect(messages[area.labelKey].zh, area.labelKey).toBeTruthy();
      expect(messages[area.labelKey].en, area.labelKey).toBeTruthy();
    }
    // A page in an area names an area the menu has (the router would stop otherwise).
    const areas = navEntries.map((a) => a.path);
    for (const page of pageRoutes.filter((p) => p.area)) expect(areas, page.path).toContain(page.area);
    // Sign-in, first-run setup and the forced password change sit outside the signed-in layout.
    expect(pageRoutes.filter((p) => p.bare).map((p) => p.path)).toEqual([
      '/login',
      '/login/sso-error',
      '/password',
      '/setup',
    ]);
  });

  it('keep every text in Chinese and English, once', () => {
    for (const [key, text] of Object.entries(messages)) {
      expect(text.zh, key).toBeTruthy();
      // English may be empty where it needs no word (a counter's unit: 3 项 is just 3).
      expect(text.en, key).toBeTypeOf('string');
    }
    const count = webModules.reduce((n, m) => n + Object.keys(m.messages).length, 0);
    // No module's text hides another's under the same key.
    expect(Object.keys(messages)).toHaveLength(Object.keys(commonMessages).length + count);
    expect(() =>
      assembleMessages([{ 'a.b': { zh: '甲', en: 'A' } }, { 'a.b': { zh: '乙', en: 'B' } }]),
    ).toThrow('message "a.b" is defined twice');
  });
});
