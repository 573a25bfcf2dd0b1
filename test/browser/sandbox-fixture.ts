// One sandbox for a browser test file: started fresh in its own folder with PostgreSQL and Redis
// pointed at nothing, plus a way to act as the bot through the emulator's Open API (the test
// reads the app's generated credentials from the sandbox folder, as an operator could).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanUp, makeSandboxHome, pickPorts, runSandbox, type SandboxPorts, type SandboxRun } from '../integration/sandbox/sandbox-process.js';

export interface SandboxFixture {
  url: string;
  home: string;
  /** Sends a message as the bot (im/v1/messages), returning its message_id. */
  sendAsBot(openId: string, msgType: string, content: unknown): Promise<string>;
  uploadImage(png: Buffer): Promise<string>;
  stop(): Promise<void>;
}

export async function startSandboxFixture(): Promise<SandboxFixture> {
  const home = await makeSandboxHome();
  const ports: SandboxPorts = await pickPorts();
  const run: SandboxRun = runSandbox(home, ports);
  let url: string;
  try {
    url = await run.ready();
  } catch (err) {
    await cleanUp(home, run, ports);
    throw err;
  }
  const secrets = JSON.parse(await readFile(join(home, 'secrets.json'), 'utf8')) as { appId: string; appSecret: string };
  const token = async () => {
    const res = await fetch(`${url}/open-apis/auth/v3/tenant_access_token/internal`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ app_id: secrets.appId, app_secret: secrets.appSecret }),
    });
    return ((await res.json()) as { tenant_access_token: string }).tenant_access_token;
  };
  return {
    url,
    home,
    async sendAsBot(openId, msgType, content) {
      const res = await fetch(`${url}/open-apis/im/v1/messages?receive_id_type=open_id`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await token()}` },
        body: JSON.stringify({ receive_id: openId, msg_type: msgType, content: JSON.stringify(content) }),
      });
      const body = (await res.json()) as { code: number; msg: string; data?: { message_id: string } };
      if (body.code !== 0 || !body.data) throw new Error(`send as bot: ${body.code} ${body.msg}`);
      return body.data.message_id;
    },
    async uploadImage(png) {
      const form = new FormData();
      form.append('image_type', 'message');
      form.append('image', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'chart.png');
      const res = await fetch(`${url}/open-apis/im/v1/images`, { method: 'POST', headers: { authorization: `Bearer ${await token()}` }, body: form });
      const body = (await res.json()) as { code: number; data?: { image_key: string } };
      if (body.code !== 0 || !body.data) throw new Error(`upload image: ${body.code}`);
      return body.data.image_key;
    },
    stop: async () => {
      run.child.kill('SIGINT');
      await run.exited;
      await cleanUp(home, run, ports);
    },
  };
}
