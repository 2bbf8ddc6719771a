import type { DingtalkConfig } from '../../config-work-apps.js';
import { AccessToken, askService, refused, textOf, type WorkAppUser } from './work-app-api.js';

/**
 * DingTalk's server API for the in-app sign-in (免登) of an H5 micro-app, as documented by DingTalk
 * Open Platform: gettoken with the app's key and secret, topapi/v2/user/getuserinfo for the code
 * the page got from dd.runtime.permission.requestAuthCode, then topapi/v2/user/get for the mobile
 * and the employee number (job_number).
 */
export class DingtalkApi {
  private readonly token: AccessToken;

  constructor(private readonly config: DingtalkConfig) {
    this.token = new AccessToken(async () => {
      const q = new URLSearchParams({ appkey: config.appKey, appsecret: config.appSecret });
      const answer = await askService('dingtalk', `${config.apiBase}/gettoken?${q}`);
      if (answer.errcode !== 0 || typeof answer.access_token !== 'string') throw refused('dingtalk', answer);
      return { value: answer.access_token, expiresInS: Number(answer.expires_in ?? 7200) };
    });
  }

  private post(path: string, body: unknown) {
    return this.token.call((token) =>
      askService('dingtalk', `${this.config.apiBase}${path}?access_token=${encodeURIComponent(token)}`, body),
    );
  }

  /** Who opened the app, from the one-time code; refused codes (unknown, used, expired) throw. */
  async userOfCode(code: string): Promise<WorkAppUser> {
    const info = await this.post('/topapi/v2/user/getuserinfo', { code });
    const userId = textOf((info.result as { userid?: unknown } | undefined)?.userid);
    if (info.errcode !== 0 || !userId) throw refused('dingtalk', info);
    const detail = await this.post('/topapi/v2/user/get', { userid: userId, language: 'zh_CN' });
    if (detail.errcode !== 0) throw refused('dingtalk', detail);
    const user = (detail.result ?? {}) as Record<string, unknown>;
    return {
      userId,
      name: textOf(user.name),
      mobile: textOf(user.mobile),
      employeeNo: textOf(user.job_number),
    };
  }
}
