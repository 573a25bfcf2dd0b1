// Starts the Feishu emulator in-process on an ephemeral port, and waits on conditions with a deadline.
import { buildEmulator, type EmulatorApp } from '../../src/emulator/emulator.js';
import type { EmulatorOptions } from '../../src/emulator/types.js';

export const TEST_APP = { appId: 'cli_test_app', appSecret: 'test-app-secret' } as const;

export interface RunningEmulator {
  app: EmulatorApp;
  baseUrl: string;
  close(): Promise<void>;
}

export async function startEmulator(options: Partial<EmulatorOptions> = {}): Promise<RunningEmulator> {
  const app = buildEmulator({ app: { ...TEST_APP }, ...options });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, baseUrl: address, close: () => app.close() };
}

/** n users `ou_user_000…` with emails and mobiles, for seeding. */
export function seedUsers(n: number, prefix = 'user'): Array<{ openId: string; name: string; email: string; mobile: string }> {
  return Array.from({ length: n }, (_, i) => {
    const id = String(i).padStart(3, '0');
    return { openId: `ou_${prefix}_${id}`, name: `${prefix} ${id}`, email: `${prefix}${id}@example.com`, mobile: `+86138${String(i).padStart(8, '0')}` };
  });
}

export { waitFor } from './wait-for.js';

/** Raw JSON call against the emulator, returning status, headers and parsed body. */
export async function callEmulator(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export async function tenantToken(baseUrl: string): Promise<string> {
  const res = await callEmulator(baseUrl, 'POST', '/open-apis/auth/v3/tenant_access_token/internal', {
    body: { app_id: TEST_APP.appId, app_secret: TEST_APP.appSecret },
  });
  return res.body.tenant_access_token as string;
}
