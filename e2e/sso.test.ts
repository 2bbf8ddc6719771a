/**
 * Browser test of the company sign-in (统一身份认证): Chromium clicks the button on the sign-in
 * page, goes through a real OpenID provider (oidc-provider) and lands signed in; someone without
 * an account lands on 请联系管理员. Screenshots at desktop and phone width for a person to look at.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer } from '../src/server/test/harness.js';
import { freePort, startOidcProvider, TEST_CLIENT } from '../src/server/test/oidc-provider.js';
import {
  announceSkip,
  ensureWebBuilt,
  expectNoSideScroll,
  haveChromium,
  launchChromium,
  resultsDir,
  screenshot,
  webDir,
} from './support.js';

announceSkip('e2e/sso');

describe.skipIf(!haveChromium)('company sign-in in a browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let provider: Awaited<ReturnType<typeof startOidcProvider>>;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuilt();
    const [appPort, providerPort] = [await freePort(), await freePort()];
    const base = `http://127.0.0.1:${appPort}`;
    server = await startTestServer({
      webDir,
      port: appPort,
      env: {
        PUBLIC_BASE_URL: base,
        OIDC_ISSUER: `http://127.0.0.1:${providerPort}`,
        OIDC_CLIENT_ID: TEST_CLIENT.id,
        OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
        OIDC_EMPLOYEE_NO_CLAIM: 'employee_number',
        PASSWORD_LOGIN: 'break_glass',
      },
    });
    provider = await startOidcProvider({
      port: providerPort,
      redirectUri: `${base}/api/auth/oidc/callback`,
      postLogoutRedirectUri: `${base}/login`,
      accounts: [
        { sub: 'u-zhibu1', preferred_username: 'zhibu1', name: '支部书记' },
        { sub: 'u-stranger', preferred_username: 'stranger', name: '外单位人员' },
      ],
    });
    server.testApp.clock.set(new Date());
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await provider?.close();
    await server?.close();
  });

  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ]) {
    it(`signs in and is turned away kindly at ${viewport.width} px`, { timeout: 120_000 }, async () => {
      const context = await browser.newContext({ viewport, locale: 'zh-CN' });
      const page = await context.newPage();
      await page.goto(`${server.url}/login`);
      const button = page.getByRole('link', { name: '使用统一身份认证登录' });
      await button.waitFor();
      // Passwords are folded away for the break-glass administrator.
      await expect(page.getByLabel('密码', { exact: true }).isVisible()).resolves.toBe(false);
      await expect(page.getByText('管理员应急登录').isVisible()).resolves.toBe(true);
      await screenshot(page, path.join(resultsDir, `sso-login-${viewport.width}.png`));
      if (viewport.width === 390) await expectNoSideScroll(page);

      provider.as('u-zhibu1');
      await button.click();
      await page.waitForURL((url) => url.origin === server.url && !url.pathname.startsWith('/login'));
      // Signed in as the provider's account: the session the page now holds is zhibu1's.
      const me = await page.evaluate(() => fetch('/api/auth/me').then((r) => r.json()));
      expect(me.user.username).toBe('zhibu1');

      const stranger = await context.browser()!.newContext({ viewport, locale: 'zh-CN' });
      const strangerPage = await stranger.newPage();
      provider.as('u-stranger');
      await strangerPage.goto(`${server.url}/login`);
      await strangerPage.getByRole('link', { name: '使用统一身份认证登录' }).click();
      await strangerPage.waitForURL((url) => url.pathname === '/login/sso-error');
      await strangerPage.getByText('请联系管理员').first().waitFor();
      await screenshot(strangerPage, path.join(resultsDir, `sso-unknown-${viewport.width}.png`));
      if (viewport.width === 390) await expectNoSideScroll(strangerPage);
      await stranger.close();
      await context.close();
    });
  }
});
