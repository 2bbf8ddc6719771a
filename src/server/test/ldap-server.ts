import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Client } from 'ldapts';

/**
 * A real directory for the LDAP sign-in tests: Debian's OpenLDAP server (slapd) on a free loopback
 * port, with its own configuration and database in a temporary folder, seeded through the admin
 * account. Without slapd the tests skip with a message; REQUIRE_LDAP=1 (CI) makes that a failure.
 */
const SLAPD = process.env.SLAPD_PATH || '/usr/sbin/slapd';
export const haveSlapd = existsSync(SLAPD);

export function announceLdapSkip(suite: string): void {
  if (haveSlapd) return;
  if (process.env.REQUIRE_LDAP) throw new Error(`slapd is required here but missing at ${SLAPD}`);
  console.warn(`[${suite}] skipped: no OpenLDAP server at ${SLAPD} (install Debian's slapd)`);
}

export const SUFFIX = 'dc=duibiao,dc=test';
export const ADMIN_DN = `cn=admin,${SUFFIX}`;
export const ADMIN_SECRET = 'directory-admin';

export interface DirectoryPerson {
  uid: string;
  name: string;
  password: string;
  employeeNumber?: string;
  mobile?: string;
  /** The OU under ou=people the entry sits in (a department), created when missing. */
  ou?: string;
}

export interface TestDirectory {
  url: string;
  /** Adds people under ou=people and groups (cn, member uids) under ou=groups. */
  seed(people: DirectoryPerson[], groups: Record<string, string[]>): Promise<void>;
  /** Moves a seeded person to another OU under ou=people (a transfer at the company). */
  move(uid: string, ou: string): Promise<void>;
  /** Deletes a seeded person's entry (they left the company). */
  remove(uid: string): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const ouDn = (ou?: string) => (ou ? `ou=${ou},ou=people,${SUFFIX}` : `ou=people,${SUFFIX}`);

export async function startDirectory(): Promise<TestDirectory> {
  const dir = mkdtempSync(path.join(tmpdir(), 'duibiao-slapd-'));
  mkdirSync(path.join(dir, 'db'));
  const schema = (name: string) => `include /etc/ldap/schema/${name}.schema`;
  writeFileSync(
    path.join(dir, 'slapd.conf'),
    [
      schema('core'),
      schema('cosine'),
      schema('inetorgperson'),
      schema('nis'),
      `pidfile ${dir}/slapd.pid`,
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      'database mdb',
      'maxsize 10485760',
      `suffix "${SUFFIX}"`,
      `rootdn "${ADMIN_DN}"`,
      `rootpw ${ADMIN_SECRET}`,
      `directory ${dir}/db`,
      '',
    ].join('\n'),
  );
  const port = await freePort();
  const url = `ldap://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(SLAPD, ['-h', `${url}/`, '-f', `${dir}/slapd.conf`, '-d', '0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const admin = async <T>(work: (c: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ url, timeout: 5000, connectTimeout: 2000 });
    try {
      await client.bind(ADMIN_DN, ADMIN_SECRET);
      return await work(client);
    } finally {
      await client.unbind().catch(() => undefined);
    }
  };
  for (let i = 0; ; i++) {
    try {
      await admin(async () => undefined);
      break;
    } catch (err) {
      if (i > 100 || child.exitCode !== null) {
        child.kill('SIGKILL');
        throw new Error(`slapd did not start: ${(err as Error).message}\n${log}`);
      }
      await delay(100);
    }
  }
  await admin(async (c) => {
    await c.add(SUFFIX, { objectClass: ['top', 'dcObject', 'organization'], dc: 'duibiao', o: '测试集团' });
    for (const ou of ['people', 'groups'])
      await c.add(`ou=${ou},${SUFFIX}`, { objectClass: ['organizationalUnit'], ou });
  });
  // Where each seeded person's entry is now.
  const dnOf = new Map<string, string>();
  const ensureOu = async (c: Client, ou?: string) => {
    if (!ou) return;
    const found = await c.search(`ou=people,${SUFFIX}`, { scope: 'one', filter: `(ou=${ou})` });
    if (found.searchEntries.length === 0) await c.add(ouDn(ou), { objectClass: ['organizationalUnit'], ou });
  };
  return {
    url,
    move: (uid, ou) =>
      admin(async (c) => {
        await ensureOu(c, ou);
        await c.modifyDN(dnOf.get(uid)!, `uid=${uid},${ouDn(ou)}`);
        dnOf.set(uid, `uid=${uid},${ouDn(ou)}`);
      }),
    remove: (uid) =>
      admin(async (c) => {
        await c.del(dnOf.get(uid)!);
        dnOf.delete(uid);
      }),
    seed: (people, groups) =>
      admin(async (c) => {
        for (const p of people) {
          await ensureOu(c, p.ou);
          dnOf.set(p.uid, `uid=${p.uid},${ouDn(p.ou)}`);
          await c.add(dnOf.get(p.uid)!, {
            objectClass: ['inetOrgPerson'],
            uid: p.uid,
            cn: p.name,
            sn: p.name.slice(0, 1),
            userPassword: p.password,
            ...(p.employeeNumber ? { employeeNumber: p.employeeNumber } : {}),
            ...(p.mobile ? { mobile: p.mobile } : {}),
          });
        }
        for (const [cn, members] of Object.entries(groups))
          await c.add(`cn=${cn},ou=groups,${SUFFIX}`, {
            objectClass: ['groupOfNames'],
            cn,
            member: members.map((uid) => dnOf.get(uid)!),
          });
      }),
    stop: async () => {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
