/**
 * Shared set-up of the browser tests: Debian's Chromium (or CHROMIUM_PATH), a web client built
 * from the current sources, and a server on a free loopback port. Without Chromium the suites
 * skip with a message; with REQUIRE_BROWSER=1 (CI) a missing Chromium fails instead.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../src/server/test/harness.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const webDir = path.join(root, 'dist/web');
export const resultsDir = path.join(root, 'test-results');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const haveChromium = existsSync(chromiumPath);

export function announceSkip(suite: string): void {
  if (haveChromium) return;
  if (process.env.REQUIRE_BROWSER)
    throw new Error(`Chromium is required here but missing at ${chromiumPath}`);
  console.warn(
    `[${suite}] skipped: no Chromium at ${chromiumPath} (install Debian's chromium or set CHROMIUM_PATH)`,
  );
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Marks a build made for the tests: in `--mode test` the client checks every answer against its
 * route's schema (src/web/api/call.ts). `npm start`'s production build empties the folder, mark
 * included, so the tests then build again rather than run unchecked.
 */
const testBuildMark = path.join(webDir, '.test-build');

/** Builds the web client when it is missing, not built for tests, or older than its sources (and src/common). */
export function ensureWebBuilt(): void {
  const index = path.join(webDir, 'index.html');
  const built = existsSync(index) && existsSync(testBuildMark) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(
    newestSource(path.join(root, 'src/web')),
    newestSource(path.join(root, 'src/common')),
  );
  if (built < sources) {
    execSync('npx vite build --mode test --logLevel warn', { cwd: root, stdio: 'inherit' });
    writeFileSync(testBuildMark, '');
  }
  mkdirSync(resultsDir, { recursive: true });
}

/**
 * Saves a picture of the page for a person to look at. No test reads them, and CI keeps no
 * artifacts, so `.ci/run` turns them off with E2E_SCREENSHOTS=0 (a fifth of a browser file's time).
 */
export async function screenshot(
  page: Page,
  file: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  if (process.env.E2E_SCREENSHOTS === '0') return;
  await page.screenshot({ path: file, ...options });
}

/**
 * How long a step waits for the page. Alone a page settles in a few seconds; in CI, beside the other
 * test lines on two cores, the same page has taken over 30 s (Playwright's default), so CI waits
 * longer. Tests assert what the page shows, never how soon.
 */
const stepTimeout = process.env.CI ? 90_000 : 30_000;

export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // The app honours a wish for less motion (AppRoot): without the zooms and fades, a click
      // never lands on a popover still opening or leaving, and the renderer does a tenth less work.
      '--force-prefers-reduced-motion',
    ],
  });
  // Every context the tests open (browser.newPage opens one too) gets the step timeout.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(stepTimeout);
    return context;
  };
  return browser;
}

/**
 * Picks an option of an antd Select and waits until the field shows it. On a loaded machine a
 * click that lands while the dropdown is still opening can be lost, and the form then refuses to
 * save; so the field is checked and the pick repeated (three tries) rather than trusted.
 */
export async function chooseOption(page: Page, field: Locator, option: string): Promise<void> {
  const select = field.locator(
    'xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  const dropdown = page.locator('.ant-select-dropdown:visible');
  for (let attempt = 1; ; attempt++) {
    // Open it unless a lost click left it open (another field's dropdown may still be closing).
    if (!(await select.evaluate((el) => el.classList.contains('ant-select-open')))) await field.click();
    await dropdown.getByTitle(option, { exact: true }).click();
    try {
      await select.locator(`[title="${option}"]`).waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Signs in through the login page and waits until it has moved on. */
export async function signIn(
  page: Page,
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** A phone-width page must not scroll sideways: everything fits or scrolls inside its card. */
export async function expectNoSideScroll(page: Page): Promise<void> {
  const [scrollWidth, clientWidth] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}
