import { isWeakPassword } from '../../../common/api/auth.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import type { RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { hashPassword } from '../../lib/password.js';
import { writeAudit } from '../../lib/audit.js';
import { roleGrants, users } from '../../db/schema/index.js';
import { loadDemoOrganisation } from './demo-loader.js';
import { lockSetup, upsertOrganisation } from './setup.repo.js';
import { userCount } from '../users/users.service.js';
import { demoOrganisation } from './demo-organisation.js';
import { loadDemoActivity } from './demo-activity-loader.js';

export interface SetupInput {
  organisationName: string;
  committeeName: string;
  adminUsername: string;
  adminDisplayName: string;
  adminPassword: string;
  loadDemo: boolean;
}

export class SetupService {
  constructor(
    private readonly deps: Pick<ServiceDeps, 'db' | 'config' | 'clock' | 'files'>,
    private readonly use: { campaigns: CampaignsService },
  ) {}

  /**
   * First run: creates the organisation and the first administrator, optionally the demo
   * organisation. Refused once any account exists, so it cannot be replayed to take over.
   */
  async setup(
    ctx: RequestContext,
    input: SetupInput,
    options: { demoActivity?: boolean } = {},
  ): Promise<void> {
    const { db, clock, config } = this.deps;
    if (isWeakPassword(input.adminPassword)) throw new AppError('PASSWORD_WEAK');
    const passwordHash = await hashPassword(input.adminPassword, config.passwordHashCost);
    const demoLoaded = await db.transaction(async (tx) => {
      await lockSetup(tx);
      if ((await userCount(tx)) > 0) throw new AppError('SETUP_ALREADY_DONE');
      await upsertOrganisation(tx, input.organisationName, input.committeeName);
      const [admin] = await tx
        .insert(users)
        .values({
          username: input.adminUsername,
          displayName: input.adminDisplayName,
          passwordHash,
          mustChangePassword: false,
        })
        .returning();
      await tx.insert(roleGrants).values({ userId: admin!.id, role: 'admin' });
      const demo = input.loadDemo && (await loadDemoOrganisation(tx, config.passwordHashCost));
      await writeAudit(tx, ctx, clock, {
        action: 'setup.completed',
        entityType: 'organisation',
        entityId: 1,
        after: { organisationName: input.organisationName, admin: input.adminUsername, demo },
      });
      return demo;
    });
    // The demo year is written through the campaign service, after the organisation has committed.
    if (demoLoaded && (options.demoActivity ?? config.demoActivity))
      await loadDemoActivity(this.deps, this.use.campaigns);
  }

  /** Unattended start: DUIBIAO_ADMIN_PASSWORD creates `admin`; DUIBIAO_DEMO=1 loads the demo. */
  async bootstrapFromEnv(options: { demoActivity?: boolean } = {}): Promise<string[]> {
    const { db, clock, config } = this.deps;
    const done: string[] = [];
    const system: RequestContext = { actor: null, ip: null };
    if (config.adminPassword && (await userCount(db)) === 0) {
      await this.setup(
        system,
        {
          organisationName: demoOrganisation.name,
          committeeName: demoOrganisation.committeeName,
          adminUsername: 'admin',
          adminDisplayName: '系统管理员',
          adminPassword: config.adminPassword,
          loadDemo: config.demo,
        },
        options,
      );
      done.push('created the admin account' + (config.demo ? ' and the demo organisation' : ''));
    } else if (config.demo && (await userCount(db)) > 0) {
      const loaded = await db.transaction(async (tx) => {
        const ok = await loadDemoOrganisation(tx, config.passwordHashCost);
        if (ok)
          await writeAudit(tx, system, clock, {
            action: 'demo.loaded',
            entityType: 'organisation',
            entityId: 1,
          });
        return ok;
      });
      if (loaded) {
        if (options.demoActivity ?? config.demoActivity)
          await loadDemoActivity(this.deps, this.use.campaigns);
        done.push('loaded the demo organisation');
      }
    }
    return done;
  }
}
