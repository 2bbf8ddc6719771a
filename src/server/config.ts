import path from 'node:path';
import { z } from 'zod';
import { oidcConfigFrom, oidcEnv, type OidcConfig } from './config-oidc.js';
import { ldapConfigFrom, ldapEnv, type LdapConfig } from './config-ldap.js';
import { workAppsConfigFrom, workAppsEnv, type WorkAppsConfig } from './config-work-apps.js';

const bool = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const minutes = z.coerce
  .number()
  .int()
  .min(1)
  .max(60 * 24 * 30);

/** Every setting comes from the environment and is checked here, once, at boot. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SESSION_IDLE_MINUTES: minutes.default(30),
  SESSION_ABSOLUTE_MINUTES: minutes.default(12 * 60),
  COOKIE_SECURE: bool.default(false),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: minutes.default(15),
  LOGIN_IP_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10000).default(30),
  // Failures of one address on one account name within a day before that pair is refused.
  LOGIN_PAIR_MAX_FAILURES: z.coerce.number().int().min(1).max(10000).default(20),
  // How long a sign-in from an address past LOGIN_IP_MAX_ATTEMPTS failures waits before it is checked.
  LOGIN_SLOWDOWN_MS: z.coerce.number().int().min(0).max(60_000).default(3000),
  PASSWORD_HASH_COST: z.coerce
    .number()
    .int()
    .refine((n) => n >= 1024 && (n & (n - 1)) === 0, 'must be a power of two ≥ 1024')
    .default(16384),
  DUIBIAO_ADMIN_PASSWORD: z.string().min(1).optional(),
  DUIBIAO_DEMO: bool.default(false),
  // With the demo organisation, its year of records (2020); off, an organisation to practise on.
  DUIBIAO_DEMO_ACTIVITY: bool.default(true),
  // The demo accounts' password is published: whoever signs in with it must choose their own.
  DEMO_PASSWORD_CHANGE: bool.default(true),
  // The OpenAPI page at /api/docs: for everyone, for signed-in users only, or not served at all.
  API_DOCS: z.enum(['public', 'signed_in', 'off']).default('signed_in'),
  TRUST_PROXY: bool.default(false),
  // Evidence files: the local folder DATA_DIR/files unless S3_BUCKET names a bucket.
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_PREFIX: z.string().default(''),
  S3_FORCE_PATH_STYLE: bool.default(true),
  MAX_UPLOAD_MB: z.coerce.number().min(1).max(500).default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Notifications: the address users reach the site at (links in messages), SMTP, the scheduler.
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: bool.default(false),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  SMTP_FROM: z.string().min(3).default('对标 Duibiao <duibiao@localhost>'),
  NOTIFY_SCHEDULER: bool.default(true),
  NOTIFY_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  NOTIFY_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  NOTIFY_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).max(86400).default(60),
  // The server posts to robot webhooks: only these hosts, so a webhook cannot reach internal services.
  NOTIFY_WEBHOOK_HOSTS: z.string().default('oapi.dingtalk.com,qyapi.weixin.qq.com'),
  ...oidcEnv,
  ...ldapEnv,
  ...workAppsEnv,
  // Password sign-in: for every account, or only the break-glass administrator (when SSO serves the rest).
  PASSWORD_LOGIN: z.enum(['all', 'break_glass']).default('all'),
  PASSWORD_LOGIN_BREAK_GLASS: z.string().min(1).default('admin'),
});

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
}

/** An S3-compatible bucket (AWS, MinIO, Ceph, the S3 interfaces of Chinese clouds). */
export interface S3Config {
  bucket: string;
  /** Null: the AWS endpoint of the region. */
  endpoint: string | null;
  region: string;
  /** Null: the SDK's own chain (environment, instance role). */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
  /** Keys start with this, so one bucket can hold several installations (e.g. "duibiao/"). */
  prefix: string;
  /** Path-style URLs (endpoint/bucket/key), which MinIO and most self-hosted servers expect. */
  forcePathStyle: boolean;
}

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  databasePoolSize: number;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  cookieSecure: boolean;
  loginMaxFailures: number;
  loginLockMs: number;
  loginIpMaxAttempts: number;
  loginPairMaxFailures: number;
  loginSlowdownMs: number;
  passwordHashCost: number;
  adminPassword: string | null;
  demo: boolean;
  /** The demo organisation comes with its year of records. */
  demoActivity: boolean;
  demoPasswordChange: boolean;
  apiDocs: 'public' | 'signed_in' | 'off';
  trustProxy: boolean;
  maxUploadBytes: number;
  /** Null: evidence files live under DATA_DIR/files. */
  s3: S3Config | null;
  logLevel: string;
  /** Links in messages start with this (no trailing slash). */
  publicBaseUrl: string;
  /** Null: email is not configured and no email is sent. */
  smtp: SmtpConfig | null;
  /** Null: single sign-on is not configured and the sign-in page shows only the password form. */
  oidc: OidcConfig | null;
  /** Sign-in against the company directory, when LDAP_URL is set. */
  ldap: LdapConfig | null;
  /** Sign-in from inside DingTalk and WeCom, each when configured. */
  workApps: WorkAppsConfig;
  /** 'break_glass': only the account named breakGlassUser may sign in with a password. */
  passwordLogin: 'all' | 'break_glass';
  breakGlassUser: string;
  notify: {
    /** Whether this instance runs the scheduler (any number may: a lease picks one per tick). */
    scheduler: boolean;
    intervalMs: number;
    /** Reminders of a day are produced from this hour on (China Standard Time). */
    digestHour: number;
    maxAttempts: number;
    retryBaseMs: number;
    /** Host names robot webhooks may point at. */
    webhookHosts: string[];
  };
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty variables count as unset, as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`环境变量配置错误 / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicBaseUrl = (e.PUBLIC_BASE_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/+$/, '');
  let oidc: OidcConfig | null;
  let ldap: LdapConfig | null;
  let workApps: WorkAppsConfig;
  try {
    oidc = oidcConfigFrom(e, publicBaseUrl);
    ldap = ldapConfigFrom(e);
    workApps = workAppsConfigFrom(e, publicBaseUrl);
  } catch (err) {
    throw new ConfigError(`环境变量配置错误 / invalid configuration:\n  ${(err as Error).message}`);
  }
  if (e.PASSWORD_LOGIN === 'break_glass' && !oidc && !ldap)
    throw new ConfigError(
      'PASSWORD_LOGIN=break_glass needs OIDC_ISSUER or LDAP_URL: nobody else could sign in',
    );
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_MINUTES * 60_000,
    cookieSecure: e.COOKIE_SECURE,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMs: e.LOGIN_LOCK_MINUTES * 60_000,
    loginIpMaxAttempts: e.LOGIN_IP_MAX_ATTEMPTS,
    loginPairMaxFailures: e.LOGIN_PAIR_MAX_FAILURES,
    loginSlowdownMs: e.LOGIN_SLOWDOWN_MS,
    passwordHashCost: e.PASSWORD_HASH_COST,
    adminPassword: e.DUIBIAO_ADMIN_PASSWORD ?? null,
    demo: e.DUIBIAO_DEMO,
    demoActivity: e.DUIBIAO_DEMO_ACTIVITY,
    demoPasswordChange: e.DEMO_PASSWORD_CHANGE,
    apiDocs: e.API_DOCS,
    trustProxy: e.TRUST_PROXY,
    maxUploadBytes: Math.round(e.MAX_UPLOAD_MB * 1024 * 1024),
    s3: e.S3_BUCKET
      ? {
          bucket: e.S3_BUCKET,
          endpoint: e.S3_ENDPOINT ?? null,
          region: e.S3_REGION,
          credentials:
            e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
              ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
              : null,
          prefix: e.S3_PREFIX,
          forcePathStyle: e.S3_FORCE_PATH_STYLE,
        }
      : null,
    logLevel: e.LOG_LEVEL,
    publicBaseUrl,
    smtp: e.SMTP_HOST
      ? {
          host: e.SMTP_HOST,
          port: e.SMTP_PORT,
          secure: e.SMTP_SECURE,
          user: e.SMTP_USER ?? null,
          password: e.SMTP_PASSWORD ?? null,
          from: e.SMTP_FROM,
        }
      : null,
    oidc,
    ldap,
    workApps,
    passwordLogin: e.PASSWORD_LOGIN,
    breakGlassUser: e.PASSWORD_LOGIN_BREAK_GLASS,
    notify: {
      scheduler: e.NOTIFY_SCHEDULER,
      intervalMs: e.NOTIFY_INTERVAL_SECONDS * 1000,
      digestHour: e.NOTIFY_DIGEST_HOUR,
      maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
      retryBaseMs: e.NOTIFY_RETRY_BASE_SECONDS * 1000,
      webhookHosts: e.NOTIFY_WEBHOOK_HOSTS.split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    },
  };
}
