import { setTimeout as delay } from 'node:timers/promises';
import type { Me } from '../../../common/api/auth.js';
import { isWeakPassword } from '../../../common/api/auth.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import type { Actor, AuthedContext, RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../lib/password.js';
import { writeAudit } from '../../lib/audit.js';
import { hashToken, newToken } from './session-token.js';
import * as repo from './auth.repo.js';
import { getSetting } from '../settings/settings.service.js';
import { organisationName } from '../org/org.service.js';
import { userCount } from '../users/users.service.js';
import { DEMO_PASSWORD } from '../setup/demo-organisation.js';

const THROTTLE_WINDOW_MS = 15 * 60_000;
const PAIR_WINDOW_MS = 24 * 60 * 60_000;
/** Writing last_seen_at on every request would turn each read into a write; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export interface ResolvedSession {
  actor: Actor;
  idHash: string;
  csrfToken: string;
  mustChangePassword: boolean;
  /** How the session signed in: the provider's logout applies only to an 'oidc' one. */
  method: SignInMethod;
}

export type SignInMethod = 'password' | 'oidc' | 'ldap' | 'dingtalk' | 'wecom';

export class AuthService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db' | 'config' | 'clock'>) {}

  /**
   * Looks up the session of a cookie value; 'expired' when it existed but timed out. A request
   * that is the user's `activity` (all but background polls) keeps the session from going idle.
   */
  async resolveSession(
    token: string,
    { activity }: { activity: boolean } = { activity: true },
  ): Promise<ResolvedSession | 'expired' | null> {
    const { db, clock, config } = this.deps;
    const idHash = hashToken(token);
    const found = await repo.findSession(db, idHash);
    if (!found) return null;
    const now = clock.now();
    const { session, user } = found;
    const idleExpired = session.lastSeenAt.getTime() + config.sessionIdleMs <= now.getTime();
    if (idleExpired || session.expiresAt.getTime() <= now.getTime() || !user.active) {
      await repo.deleteSession(db, idHash);
      return 'expired';
    }
    if (activity && now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS)
      await repo.touchSession(db, idHash, now);
    const grants = await repo.grantsOf(db, user.id);
    return {
      actor: {
        userId: user.id,
        username: user.username,
        displayName: user.displayName,
        personId: user.personId,
        grants,
      },
      idHash,
      csrfToken: session.csrfToken,
      // The initial password binds only a password session: an account reached through the
      // company sign-in never needs one.
      mustChangePassword: user.mustChangePassword && session.method === 'password',
      method: session.method,
    };
  }

  /**
   * Checks the password. Failures count three ways: per account (lock-out, from any address), per
   * address and account name (a persistent guesser is refused that account for a day), and per
   * address. The last only slows sign-ins down, never refuses them: behind a proxy that is not
   * trusted, or a company NAT, everyone shares one address, and one person's typos must not lock
   * out the rest. Success creates a new session: the old cookie, if any, is never reused.
   */
  /**
   * Before any password is tried, here or against the company directory: refuses an (address,
   * name) pair past its failures and slows an address with many. Returns what counts a failure.
   */
  async beginAttempt(
    ctx: RequestContext,
    username: string,
  ): Promise<{ countFailure: () => Promise<void>; slowed: boolean }> {
    const { db, clock, config } = this.deps;
    const now = clock.now();
    const ip = ctx.ip ?? 'unknown';
    const ipKey = `ip:${ip}`;
    const pairKey = `pair:${ip}:${username.toLowerCase().slice(0, 200)}`;
    if ((await repo.throttleCount(db, pairKey, now, PAIR_WINDOW_MS)) >= config.loginPairMaxFailures) {
      throw new AppError('LOGIN_THROTTLED');
    }
    const slowed =
      (await repo.throttleCount(db, ipKey, now, THROTTLE_WINDOW_MS)) >= config.loginIpMaxAttempts;
    if (slowed) await delay(config.loginSlowdownMs);
    const countFailure = async () => {
      await repo.countThrottle(db, ipKey, now, THROTTLE_WINDOW_MS);
      await repo.countThrottle(db, pairKey, now, PAIR_WINDOW_MS);
    };
    return { countFailure, slowed };
  }

  async login(
    ctx: RequestContext,
    username: string,
    password: string,
    meta: { previousToken?: string; userAgent?: string },
  ): Promise<{ token: string; csrfToken: string }> {
    const { db, clock, config } = this.deps;
    // With the company sign-in in place, only the break-glass account keeps a password; the
    // answer is the same whether the name exists or not.
    if (config.passwordLogin === 'break_glass' && username !== config.breakGlassUser)
      throw new AppError('PASSWORD_LOGIN_OFF');
    const now = clock.now();
    const { countFailure, slowed } = await this.beginAttempt(ctx, username);
    const user = await repo.findUserByUsername(db, username);
    if (!user) {
      await verifyAgainstDummy(password, config.passwordHashCost);
      await countFailure();
      // An unknown name "locks" after as many failures as a real account would, so the answer
      // (401 then 423) never tells which names exist.
      const nameKey = `name:${username.toLowerCase().slice(0, 200)}`;
      const failures = await repo.countThrottle(db, nameKey, now, config.loginLockMs);
      throw new AppError(failures >= config.loginMaxFailures ? 'ACCOUNT_LOCKED' : 'LOGIN_FAILED');
    }
    if (user.lockedUntil && user.lockedUntil.getTime() > now.getTime()) throw new AppError('ACCOUNT_LOCKED');

    const ok = await verifyPassword(password, user.passwordHash);
    const auditCtx = { ...ctx, actor: null };
    if (!ok) {
      const failures = user.failedLogins + 1;
      const locks = failures >= config.loginMaxFailures;
      await db.transaction(async (tx) => {
        await repo.updateUser(tx, user.id, {
          failedLogins: locks ? 0 : failures,
          lockedUntil: locks ? new Date(now.getTime() + config.loginLockMs) : user.lockedUntil,
        });
        await writeAudit(tx, auditCtx, clock, {
          action: locks ? 'auth.locked' : 'auth.login_failed',
          entityType: 'user',
          entityId: user.id,
          after: { username: user.username, failures },
        });
      });
      await countFailure();
      throw new AppError(locks ? 'ACCOUNT_LOCKED' : 'LOGIN_FAILED');
    }
    if (!user.active) throw new AppError('ACCOUNT_DISABLED');

    return this.openSession(ctx, user, {
      ...meta,
      method: 'password',
      // Anyone may read the demo password in the docs: an account still using it is not private.
      mustChangePassword: config.demoPasswordChange && password === DEMO_PASSWORD ? true : undefined,
      // Many failures from this address: the sign-in went through after the slow-down.
      slowedDown: slowed || undefined,
    });
  }

  /**
   * A new session for a user whose identity is established (password or the company sign-in):
   * the old cookie, if any, is never reused, and the audit row says how the user signed in.
   */
  async openSession(
    ctx: RequestContext,
    user: Pick<repo.UserRow, 'id' | 'username' | 'displayName' | 'personId'>,
    meta: {
      previousToken?: string;
      userAgent?: string;
      method: SignInMethod;
      mustChangePassword?: boolean;
      slowedDown?: boolean;
    },
  ): Promise<{ token: string; csrfToken: string }> {
    const { db, clock, config } = this.deps;
    const now = clock.now();
    const token = newToken();
    const csrfToken = newToken();
    await db.transaction(async (tx) => {
      if (meta.previousToken) await repo.deleteSession(tx, hashToken(meta.previousToken));
      await repo.insertSession(tx, {
        id: hashToken(token),
        userId: user.id,
        csrfToken,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + config.sessionAbsoluteMs),
        ip: ctx.ip,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
        method: meta.method,
      });
      await repo.updateUser(tx, user.id, {
        failedLogins: 0,
        lockedUntil: null,
        lastLoginAt: now,
        mustChangePassword: meta.mustChangePassword,
      });
      await writeAudit(tx, { ...ctx, actor: actorStub(user) }, clock, {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        after: { method: meta.method, ...(meta.slowedDown ? { slowedDown: true } : {}) },
      });
    });
    return { token, csrfToken };
  }

  async logout(ctx: AuthedContext, idHash: string): Promise<void> {
    const { db, clock } = this.deps;
    await db.transaction(async (tx) => {
      await repo.deleteSession(tx, idHash);
      await writeAudit(tx, ctx, clock, {
        action: 'auth.logout',
        entityType: 'user',
        entityId: ctx.actor.userId,
      });
    });
  }

  async changePassword(ctx: AuthedContext, idHash: string, current: string, next: string): Promise<void> {
    const { db, clock, config } = this.deps;
    const user = await repo.findUserById(db, ctx.actor.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (!(await verifyPassword(current, user.passwordHash))) throw new AppError('PASSWORD_WRONG');
    if (isWeakPassword(next)) throw new AppError('PASSWORD_WEAK');
    if (next === DEMO_PASSWORD) throw new AppError('PASSWORD_PUBLISHED');
    if (next === current) throw new AppError('PASSWORD_REUSED');
    const passwordHash = await hashPassword(next, config.passwordHashCost);
    await db.transaction(async (tx) => {
      await repo.updateUser(tx, user.id, { passwordHash, mustChangePassword: false });
      // Other devices signed in with the old password are signed out.
      await repo.deleteSessionsOfUser(tx, user.id, idHash);
      await writeAudit(tx, ctx, clock, {
        action: 'auth.password_changed',
        entityType: 'user',
        entityId: user.id,
      });
    });
  }

  async me(session: ResolvedSession | null): Promise<Me> {
    const { db } = this.deps;
    const [users, orgName, demo] = await Promise.all([
      userCount(db),
      organisationName(db),
      getSetting<boolean>(db, 'demo'),
    ]);
    return {
      authenticated: !!session,
      setupRequired: users === 0,
      demo: demo === true,
      organisationName: orgName,
      signIn: {
        sso: this.deps.config.oidc ? { label: this.deps.config.oidc.buttonLabel } : null,
        directory: !!this.deps.config.ldap,
        dingtalk: this.deps.config.workApps.dingtalk
          ? { corpId: this.deps.config.workApps.dingtalk.corpId }
          : null,
        wecom: !!this.deps.config.workApps.wecom,
        passwords: this.deps.config.passwordLogin,
      },
      user: session
        ? {
            id: session.actor.userId,
            username: session.actor.username,
            displayName: session.actor.displayName,
            personId: session.actor.personId,
            mustChangePassword: session.mustChangePassword,
            grants: session.actor.grants,
          }
        : null,
    };
  }
}

function actorStub(user: Pick<repo.UserRow, 'id' | 'username' | 'displayName' | 'personId'>): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    personId: user.personId,
    grants: [],
  };
}
