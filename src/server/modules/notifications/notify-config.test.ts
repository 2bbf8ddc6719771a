import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';
import { dingtalkSign, dingtalkUrl } from './channels.js';

describe('notification settings from the environment', () => {
  it('default to no email, links on the local address, a scheduler every minute from 8:00', () => {
    const c = loadConfig({ PORT: '3100' });
    expect(c.smtp).toBeNull();
    expect(c.publicBaseUrl).toBe('http://127.0.0.1:3100');
    expect(c.notify).toEqual({
      scheduler: true,
      intervalMs: 60_000,
      digestHour: 8,
      maxAttempts: 5,
      retryBaseMs: 60_000,
      webhookHosts: ['oapi.dingtalk.com', 'qyapi.weixin.qq.com'],
    });
    expect(
      loadConfig({ NOTIFY_WEBHOOK_HOSTS: ' Robot.Example.cn , 10.1.2.3 ,' }).notify.webhookHosts,
    ).toEqual(['robot.example.cn', '10.1.2.3']);
  });

  it('read SMTP and the public address', () => {
    const c = loadConfig({
      SMTP_HOST: 'smtp.example.com',
      SMTP_PORT: '465',
      SMTP_SECURE: 'true',
      SMTP_USER: 'duibiao',
      SMTP_PASSWORD: 'secret',
      PUBLIC_BASE_URL: 'https://duibiao.example.com/',
      NOTIFY_SCHEDULER: '0',
    });
    expect(c.smtp).toMatchObject({ host: 'smtp.example.com', port: 465, secure: true, user: 'duibiao' });
    expect(c.publicBaseUrl).toBe('https://duibiao.example.com');
    expect(c.notify.scheduler).toBe(false);
  });

  it.each([
    ['PUBLIC_BASE_URL', 'duibiao.example.com'],
    ['PUBLIC_BASE_URL', 'ftp://duibiao.example.com'],
    ['SMTP_PORT', '0'],
    ['NOTIFY_DIGEST_HOUR', '24'],
    ['NOTIFY_MAX_ATTEMPTS', '0'],
    ['NOTIFY_INTERVAL_SECONDS', 'often'],
  ])('reject %s=%s naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });
});

describe('DingTalk signing', () => {
  it('signs "timestamp\\nsecret" with HMAC-SHA256, base64, URL-encoded', () => {
    // Pinned: a change of the string signed, the key or the encoding shows here.
    const sign = dingtalkSign('SECabc', 1577836800000);
    expect(sign).toBe('u2P4poOf3lkvTxhssKEUFLdQMNQCMWCzdFRy9n4Pom4=');
    const url = dingtalkUrl('https://oapi.dingtalk.com/robot/send?access_token=t', 'SECabc', 1577836800000);
    expect(url).toBe(
      `https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1577836800000&sign=${encodeURIComponent(sign)}`,
    );
    expect(dingtalkUrl('https://x/robot', null, 1)).toBe('https://x/robot');
  });
});
