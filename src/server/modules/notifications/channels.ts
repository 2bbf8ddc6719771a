import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../../config.js';
import type { NotificationLine } from './notifications.repo.js';

/** What any channel sends: a title and short lines, each with a link to the page that needs action. */
export interface Message {
  title: string;
  lines: NotificationLine[];
}

const absolute = (base: string, link: string) => (/^https?:\/\//.test(link) ? link : `${base}${link}`);
const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
/** Markdown of the robots: square brackets and parentheses in names must not break the links. */
const escapeMd = (s: string) => s.replace(/[[\]()*_`#>]/g, (c) => `\\${c}`);

export async function sendEmail(smtp: SmtpConfig, base: string, to: string, m: Message): Promise<void> {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    const footer = `此邮件由对标系统自动发送。通知方式可在「通知设置」中修改:${base}/notifications`;
    await transport.sendMail({
      from: smtp.from,
      to,
      subject: m.title,
      text: [m.title, '', ...m.lines.map((l) => `· ${l.text}\n  ${absolute(base, l.link)}`), '', footer].join(
        '\n',
      ),
      html: [
        `<p><strong>${escapeHtml(m.title)}</strong></p><ul>`,
        ...m.lines.map(
          (l) => `<li>${escapeHtml(l.text)} <a href="${escapeHtml(absolute(base, l.link))}">去处理</a></li>`,
        ),
        `</ul><p style="color:#888">${escapeHtml(footer)}</p>`,
      ].join(''),
    });
  } finally {
    transport.close();
  }
}

/**
 * DingTalk's signature of a robot call: HMAC-SHA256 of "timestamp\nsecret" keyed with the secret,
 * base64, then URL-encoded as the `sign` parameter beside `timestamp` (milliseconds).
 */
export function dingtalkSign(secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

export function dingtalkUrl(webhook: string, secret: string | null, timestamp: number): string {
  if (!secret) return webhook;
  const sep = webhook.includes('?') ? '&' : '?';
  return `${webhook}${sep}timestamp=${timestamp}&sign=${encodeURIComponent(dingtalkSign(secret, timestamp))}`;
}

async function postRobot(url: string, body: unknown, timeoutMs: number): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
    redirect: 'error',
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
  // Both robots answer 200 with {errcode, errmsg}; a non-zero errcode is a refusal.
  let answer: { errcode?: number; errmsg?: string } = {};
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    throw new Error(`应答不是 JSON: ${text.slice(0, 200)}`);
  }
  if (answer.errcode !== undefined && answer.errcode !== 0)
    throw new Error(`errcode ${answer.errcode}: ${answer.errmsg ?? ''}`);
}

export async function sendDingtalk(
  webhook: string,
  secret: string | null,
  base: string,
  m: Message,
  now: Date,
  timeoutMs = 10_000,
): Promise<void> {
  const text = [
    `#### ${escapeMd(m.title)}`,
    '',
    ...m.lines.map((l) => `- ${escapeMd(l.text)} [去处理](${absolute(base, l.link)})`),
  ].join('\n');
  await postRobot(
    dingtalkUrl(webhook, secret, now.getTime()),
    { msgtype: 'markdown', markdown: { title: m.title, text } },
    timeoutMs,
  );
}

export async function sendWecom(
  webhook: string,
  base: string,
  m: Message,
  timeoutMs = 10_000,
): Promise<void> {
  const content = [
    `**${escapeMd(m.title)}**`,
    ...m.lines.map((l) => `> ${escapeMd(l.text)} [去处理](${absolute(base, l.link)})`),
  ].join('\n');
  await postRobot(webhook, { msgtype: 'markdown', markdown: { content } }, timeoutMs);
}
