import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults: port 3000 on loopback, ./data, PGlite', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(c.databaseUrl).toBeNull();
    expect(c.sessionIdleMs).toBe(30 * 60_000);
    expect(c.sessionAbsoluteMs).toBe(12 * 3600_000);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['DUIBIAO_DEMO', 'yes'],
    ['PASSWORD_HASH_COST', '1000'],
  ])('rejects %s=%s naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });

  it('takes the directory sign-in whole or not at all, and never plain LDAP across the network', () => {
    const base = { LDAP_URL: 'ldaps://dc.example.com', LDAP_USER_BASE: 'ou=people,dc=example,dc=com' };
    expect(loadConfig(base).ldap).toMatchObject({ userFilter: '(uid={username})', createAccounts: false });
    expect(() => loadConfig({ LDAP_URL: base.LDAP_URL })).toThrow(/LDAP_USER_BASE is required/);
    expect(() => loadConfig({ ...base, LDAP_BIND_DN: 'cn=reader' })).toThrow(/go together/);
    expect(() => loadConfig({ ...base, LDAP_URL: 'ldap://dc.example.com' })).toThrow(/ldaps/);
    expect(
      loadConfig({ ...base, LDAP_URL: 'ldap://dc.example.com', LDAP_STARTTLS: '1' }).ldap,
    ).not.toBeNull();
    expect(() => loadConfig({ ...base, LDAP_USER_FILTER: '(uid=admin)' })).toThrow(/LDAP_USER_FILTER/);
    // Passwords may be switched off once the directory can sign people in.
    expect(loadConfig({ ...base, PASSWORD_LOGIN: 'break_glass' }).passwordLogin).toBe('break_glass');
  });

  it('takes DingTalk and WeCom each whole or not at all', () => {
    expect(loadConfig({}).workApps).toEqual({ dingtalk: null, wecom: null, createAccounts: false });
    expect(() => loadConfig({ DINGTALK_CORP_ID: 'ding1', DINGTALK_APP_KEY: 'k' })).toThrow(/go together/);
    expect(() => loadConfig({ WECOM_CORP_ID: 'ww1' })).toThrow(/go together/);
    const wecom = loadConfig({
      PUBLIC_BASE_URL: 'https://dj.example.com/',
      WECOM_CORP_ID: 'ww1',
      WECOM_AGENT_ID: '1000002',
      WECOM_SECRET: 's',
    }).workApps.wecom;
    expect(wecom).toMatchObject({
      apiBase: 'https://qyapi.weixin.qq.com',
      redirectUrl: 'https://dj.example.com/api/auth/wecom/callback',
    });
  });
});
