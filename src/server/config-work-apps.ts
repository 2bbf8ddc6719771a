import { z } from 'zod';
import { bool } from './config-oidc.js';

/**
 * Sign-in from inside DingTalk (钉钉) and WeCom (企业微信), the company's workplace apps (免登): the
 * app hands the page a one-time code, which the server exchanges for the user id and then the
 * person's mobile and employee number. Each is on when its credentials are set. The API bases are
 * settings only so that a test (or a private deployment's gateway) can stand in for the service.
 */
export const workAppsEnv = {
  DINGTALK_CORP_ID: z.string().min(1).optional(),
  DINGTALK_APP_KEY: z.string().min(1).optional(),
  DINGTALK_APP_SECRET: z.string().min(1).optional(),
  DINGTALK_API_BASE: z.url({ protocol: /^https?$/ }).default('https://oapi.dingtalk.com'),
  WECOM_CORP_ID: z.string().min(1).optional(),
  WECOM_AGENT_ID: z.string().min(1).optional(),
  WECOM_SECRET: z.string().min(1).optional(),
  WECOM_API_BASE: z.url({ protocol: /^https?$/ }).default('https://qyapi.weixin.qq.com'),
  WECOM_OAUTH_BASE: z.url({ protocol: /^https?$/ }).default('https://open.weixin.qq.com'),
  // Whether a first sign-in of a known Party member without an account creates one (as a member).
  WORK_APP_CREATE_ACCOUNTS: bool.default(false),
};

export interface DingtalkConfig {
  corpId: string;
  appKey: string;
  appSecret: string;
  apiBase: string;
}

export interface WecomConfig {
  corpId: string;
  agentId: string;
  secret: string;
  apiBase: string;
  oauthBase: string;
  /** Where WeCom sends the browser back with the code. */
  redirectUrl: string;
}

export interface WorkAppsConfig {
  dingtalk: DingtalkConfig | null;
  wecom: WecomConfig | null;
  createAccounts: boolean;
}

type WorkAppsEnv = z.output<z.ZodObject<typeof workAppsEnv>>;

const base = (url: string) => url.replace(/\/+$/, '');

/** Throws on a half setup: all three credentials of an app, or none. */
export function workAppsConfigFrom(e: WorkAppsEnv, publicBaseUrl: string): WorkAppsConfig {
  const ding = [e.DINGTALK_CORP_ID, e.DINGTALK_APP_KEY, e.DINGTALK_APP_SECRET];
  const wecom = [e.WECOM_CORP_ID, e.WECOM_AGENT_ID, e.WECOM_SECRET];
  if (ding.some(Boolean) && !ding.every(Boolean))
    throw new Error('DINGTALK_CORP_ID, DINGTALK_APP_KEY and DINGTALK_APP_SECRET go together');
  if (wecom.some(Boolean) && !wecom.every(Boolean))
    throw new Error('WECOM_CORP_ID, WECOM_AGENT_ID and WECOM_SECRET go together');
  return {
    dingtalk: e.DINGTALK_CORP_ID
      ? {
          corpId: e.DINGTALK_CORP_ID,
          appKey: e.DINGTALK_APP_KEY!,
          appSecret: e.DINGTALK_APP_SECRET!,
          apiBase: base(e.DINGTALK_API_BASE),
        }
      : null,
    wecom: e.WECOM_CORP_ID
      ? {
          corpId: e.WECOM_CORP_ID,
          agentId: e.WECOM_AGENT_ID!,
          secret: e.WECOM_SECRET!,
          apiBase: base(e.WECOM_API_BASE),
          oauthBase: base(e.WECOM_OAUTH_BASE),
          redirectUrl: `${publicBaseUrl}/api/auth/wecom/callback`,
        }
      : null,
    createAccounts: e.WORK_APP_CREATE_ACCOUNTS,
  };
}
