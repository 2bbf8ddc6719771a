import type { Config } from '../config.js';
import type { Db, DbKind } from '../db/client.js';
import type { Clock } from './clock.js';
import type { FileStore } from './storage.js';

// The collaborators every service may name. It lives in lib/ rather than beside the service
// list so that a service importing this type does not import the list back (an import cycle).
export interface ServiceDeps {
  db: Db;
  dbKind: DbKind;
  config: Config;
  clock: Clock;
  files: FileStore;
}
