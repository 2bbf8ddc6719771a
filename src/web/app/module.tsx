import { lazy, type ComponentType, type ReactNode } from 'react';
import type { PolicyActor } from '../../common/policies/actor';
import type { Role } from '../../common/roles';
import type { MessageTable } from './i18n/types';

/** An area of the menu (DOMAIN.md) and the roles that see it; the server enforces the same on its data. */
export interface NavEntry<Key extends string = string> {
  path: string;
  /** A key of the module's own messages. */
  labelKey: Key;
  roles: readonly Role[];
  /** A policy narrower than the roles: the group's own areas, which a company's committee lacks. */
  allow?: (user: PolicyActor) => boolean;
}

/** A page of the module. */
export interface PageRoute {
  path: string;
  element: ReactNode;
  /**
   * The menu area the page belongs to (a record under the workbench, a campaign's tasks under
   * campaigns): it opens to that area's roles and highlights its entry. A page without an area
   * opens to everyone signed in.
   */
  area?: string;
  /** Outside the signed-in layout: first-run setup, sign-in and the forced password change. */
  bare?: boolean;
}

/**
 * One web feature as the app sees it: its menu entries, its pages and its texts in both
 * languages. `app/modules.ts` lists the modules and assembles the router, the menu and the
 * dictionary from them, so adding a feature is its folder plus one line there.
 */
export interface WebModule<Messages extends MessageTable = MessageTable> {
  /** The feature's folder under src/web/features. */
  name: string;
  nav?: readonly NavEntry<keyof Messages & string>[];
  routes?: readonly PageRoute[];
  messages: Messages;
}

export function defineWebModule<Messages extends MessageTable>(
  module: WebModule<Messages>,
): WebModule<Messages> {
  return module;
}

/**
 * A page that loads on first visit, so the login page on a phone does not wait for every table:
 * `lazyPage(() => import('./AuditPage'), 'AuditPage')`.
 */
export function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): ReactNode {
  const Page = lazy<ComponentType>(() => load().then((m) => ({ default: m[name] })));
  return <Page />;
}

/** The modules' messages as one dictionary; a key two modules define stops the start at once. */
export function assembleMessages(tables: readonly MessageTable[]): MessageTable {
  const all: MessageTable = {};
  for (const table of tables) {
    for (const [key, text] of Object.entries(table)) {
      if (key in all) throw new Error(`message "${key}" is defined twice`);
      all[key] = text;
    }
  }
  return all;
}
