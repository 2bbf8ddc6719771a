import type { WecomConfig } from '../../config-work-apps.js';
import { AccessToken, askService, refused, textOf, type WorkAppUser } from './work-app-api.js';

/**
 * WeCom's server API for a self-built app's web sign-in, as documented by WeCom (企业微信开发者
 * 中心): the OAuth2 authorize address the browser is sent to inside WeCom, gettoken with the corp id
 * and the app's secret, auth/getuserinfo for the code, auth/getuserdetail (user_ticket) for the
 * mobile, and user/get for the name.
 */
export class WecomApi {
  private readonly token: AccessToken;

  constructor(private readonly config: WecomConfig) {
    this.token = new AccessToken(async () => {
      const q = new URLSearchParams({ corpid: config.corpId, corpsecret: config.secret });
      const answer = await askService('wecom', `${config.apiBase}/cgi-bin/gettoken?${q}`);
      if (answer.errcode !== 0 || typeof answer.access_token !== 'string') throw refused('wecom', answer);
      return { value: answer.access_token, expiresInS: Number(answer.expires_in ?? 7200) };
    });
  }

  /** Where the browser goes inside WeCom; it comes back to the callback with a code and the state. */
  authorizeUrl(state: string): string {
    const q = new URLSearchParams({
      appid: this.config.corpId,
      redirect_uri: this.config.redirectUrl,
      response_type: 'code',
      // snsapi_privateinfo: the user confirms once, and the mobile becomes readable (user_ticket).
      scope: 'snsapi_privateinfo',
      state,
      agentid: this.config.agentId,
    });
    return `${this.config.oauthBase}/connect/oauth2/authorize?${q}#wechat_redirect`;
  }

  private get(path: string, params: Record<string, string>) {
    return this.token.call((token) =>
      askService(
        'wecom',
        `${this.config.apiBase}${path}?${new URLSearchParams({ access_token: token, ...params })}`,
      ),
    );
  }

  private post(path: string, body: unknown) {
    return this.token.call((token) =>
      askService('wecom', `${this.config.apiBase}${path}?access_token=${encodeURIComponent(token)}`, body),
    );
  }

  /** Who came back with the code; a non-member (openid only) or a refused code throws. */
  async userOfCode(code: string): Promise<WorkAppUser> {
    const info = await this.get('/cgi-bin/auth/getuserinfo', { code });
    const userId = textOf(info.userid);
    if (info.errcode !== 0 || !userId) throw refused('wecom', info);
    const ticket = textOf(info.user_ticket);
    const detail = ticket ? await this.post('/cgi-bin/auth/getuserdetail', { user_ticket: ticket }) : null;
    const member = await this.get('/cgi-bin/user/get', { userid: userId });
    if (member.errcode !== 0) throw refused('wecom', member);
    return {
      userId,
      name: textOf(member.name),
      mobile: detail?.errcode === 0 ? textOf(detail.mobile) : null,
      employeeNo: null,
    };
  }
}
