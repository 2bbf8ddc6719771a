import { assembleMessages, type NavEntry, type PageRoute } from './module';
import { commonMessages } from './i18n/common.messages';
import type { Dictionary, MessageKey } from './i18n/types';
import { authModule } from '../features/auth';
import { setupModule } from '../features/setup';
import { workbenchModule } from '../features/workbench';
import { recordsModule } from '../features/records';
import { reviewModule } from '../features/review';
import { dashboardModule } from '../features/dashboard';
import { fusionModule } from '../features/fusion';
import { revisionsModule } from '../features/revisions';
import { problemsModule } from '../features/problems';
import { publicityModule } from '../features/publicity';
import { casesModule } from '../features/cases';
import { reportsModule } from '../features/reports';
import { campaignsModule } from '../features/campaigns';
import { orgModule } from '../features/org';
import { usersModule } from '../features/users';
import { auditModule } from '../features/audit';
import { signinModule } from '../features/signin';
import { notificationsModule } from '../features/notifications';
import { inboxModule } from '../features/inbox';

/**
 * Every web feature, one line each. The menu shows their entries in this order; the router and
 * the dictionary are assembled from the same list.
 */
export const webModules = [
  authModule,
  setupModule,
  workbenchModule,
  recordsModule,
  reviewModule,
  dashboardModule,
  fusionModule,
  revisionsModule,
  problemsModule,
  publicityModule,
  casesModule,
  reportsModule,
  campaignsModule,
  orgModule,
  usersModule,
  auditModule,
  signinModule,
  notificationsModule,
  inboxModule,
] as const;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;

/** The texts of the app itself and of every module. */
export type AppMessages = typeof commonMessages &
  UnionToIntersection<(typeof webModules)[number]['messages']>;

// Gives `MessageKey` (i18n/types.ts) its keys: pages type their keys without importing this file.
declare module './i18n/types' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the keys come from AppMessages
  interface MessageRegistry extends AppMessages {}
}

/** The whole dictionary, handed to `I18nProvider` by `AppRoot`. */
export const messages = assembleMessages([
  commonMessages,
  ...webModules.map((m) => m.messages),
]) as Dictionary;

/** The menu, in list order. */
export const navEntries: readonly NavEntry<MessageKey>[] = webModules.flatMap(
  (m): readonly NavEntry<MessageKey>[] => m.nav ?? [],
);

/** Every page of every module. */
export const pageRoutes: readonly PageRoute[] = webModules.flatMap((m) => m.routes ?? []);
