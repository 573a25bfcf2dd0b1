// `npm run sandbox` with nothing but npm: no DATABASE_URL, no REDIS_URL — so only the embedded
// PostgreSQL and BullMQ's PostgreSQL backend can serve. It starts from a fresh folder, the page
// answers, the bot answers 帮助 typed in the page's p2p chat; a second start while it runs says
// so; after a kill -9 the next start recovers the orphaned database server and the bot answers again.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../../src/bot/messages/index.js';
import { waitFor } from '../../helpers/wait-for.js';
import { findPerson, say, waitForCard } from './page-api.js';
import { cleanUp, makeSandboxHome, pickPorts, runSandbox, type SandboxPorts, type SandboxRun } from './sandbox-process.js';

const HELP_TITLE = t.common.help.title;

describe('npm run sandbox', () => {
  let home: string;
  let ports: SandboxPorts;
  let run: SandboxRun | undefined;

  beforeAll(async () => {
    home = await makeSandboxHome();
    ports = await pickPorts();
  });
  afterAll(async () => cleanUp(home, run, ports), 60_000);

  it('starts from a fresh folder on the embedded PostgreSQL and serves the page', async () => {
    run = runSandbox(home, ports);
    const url = await run.ready();
    expect(run.output()).toContain('initialising the embedded PostgreSQL (first run)');
    expect(run.output()).toContain('queues on PostgreSQL');

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script type="module" src="/assets/app.js">');
    expect((await fetch(`${url}/assets/app.js`)).status).toBe(200);
    await expect(findPerson(url, '书记')).resolves.toMatchObject({ role: 'secretary' });
    const pushes = (await (await fetch(`${url}/_sandbox/pushes`)).json()) as { kinds: { kind: string }[] };
    expect(pushes.kinds.map((k) => k.kind)).toEqual(['monthly-reminder', 'monthly-digest', 'quarterly-stocktake', 'annual-evaluation', 'stale-reviews', 'pledge-window']);
  }, 240_000);

  it(`the bot answers 帮助 typed in the page's p2p chat`, async () => {
    const url = await run!.ready();
    const member = await findPerson(url, '党员');
    const sent = await say(url, member, '帮助');
    expect(sent.delivery).toMatchObject({ ok: true, status: 200 });
    const help = await waitForCard(url, member.p2pChatId!, HELP_TITLE, sent.messageId);
    expect(help.msgType).toBe('interactive');
  }, 240_000);

  it('says a second start is already running instead of fighting over the ports', async () => {
    const second = runSandbox(home, ports);
    expect(await second.exited).toBe(0);
    expect(second.output()).toMatch(/already running at http:\/\/127\.0\.0\.1:\d+ \(pid \d+\)/);
    expect(run?.child.exitCode).toBeNull();
  }, 60_000);

  it('recovers by itself after a kill -9 (orphaned database server)', async () => {
    const first = run!;
    first.child.kill('SIGKILL');
    await first.exited;
    // What a kill -9 leaves: the lock of a dead process and a database server still running.
    expect(existsSync(join(home, 'sandbox.lock'))).toBe(true);
    expect(existsSync(join(home, 'pg', 'postmaster.pid'))).toBe(true);

    run = runSandbox(home, ports);
    const url = await run.ready();
    expect(run.output()).toMatch(/stopping the PostgreSQL server \(pid \d+\) left running by an earlier sandbox/);
    expect(run.output()).not.toContain('first run');
    await expect(findPerson(url, '书记')).resolves.toMatchObject({ role: 'secretary' });
  }, 240_000);

  it(`answers 帮助 again after the recovery`, async () => {
    const url = await run!.ready();
    const member = await findPerson(url, '党员');
    const sent = await say(url, member, '帮助');
    await waitForCard(url, member.p2pChatId!, HELP_TITLE, sent.messageId);
  }, 240_000);

  it('stops everything on Ctrl-C, the embedded database included', async () => {
    const current = run!;
    current.child.kill('SIGINT');
    expect(await current.exited).toBe(0);
    expect(current.output()).toContain('Stopped.');
    await waitFor(() => !existsSync(join(home, 'pg', 'postmaster.pid')), { message: 'the database server to stop' });
    expect(existsSync(join(home, 'sandbox.lock'))).toBe(false);
  }, 60_000);
});
