import type { Config } from './config.js';
import type { Db, DbKind } from './db/client.js';
import type { Clock } from './lib/clock.js';
import { AuthService } from './modules/auth/auth.service.js';
import { SetupService } from './modules/setup/setup.service.js';
import { OrgService } from './modules/org/org.service.js';
import { PeopleService } from './modules/people/people.service.js';
import { UsersService } from './modules/users/users.service.js';
import { AuditService } from './modules/audit/audit.service.js';

export interface ServiceDeps {
  db: Db;
  dbKind: DbKind;
  config: Config;
  clock: Clock;
}

export function createServices(deps: ServiceDeps) {
  return {
    config: deps.config,
    dbKind: deps.dbKind,
    db: deps.db,
    auth: new AuthService(deps),
    setup: new SetupService(deps),
    org: new OrgService(deps),
    people: new PeopleService(deps),
    users: new UsersService(deps),
    audit: new AuditService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
