// The sandbox's own folder (`.sandbox/` by default, git-ignored): where each piece of state lives,
// and the generated Feishu credentials, kept so that a second run talks to the same "app".
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { SandboxError } from './sandbox-error.js';

export interface SandboxPaths {
  readonly home: string;
  readonly pgData: string;
  readonly secrets: string;
  readonly lock: string;
  readonly log: string;
}

export function sandboxPaths(home: string): SandboxPaths {
  return {
    home,
    pgData: join(home, 'pg'),
    secrets: join(home, 'secrets.json'),
    lock: join(home, 'sandbox.lock'),
    log: join(home, 'sandbox.log'),
  };
}

const secretsSchema = z.object({
  appId: z.string().min(1),
  appSecret: z.string().min(1),
  encryptKey: z.string().min(1),
  verificationToken: z.string().min(1),
  adminToken: z.string().min(16),
  pgPassword: z.string().min(1),
});

export type SandboxSecrets = z.infer<typeof secretsSchema>;

const token = (bytes: number) => randomBytes(bytes).toString('base64url');

export function generateSecrets(): SandboxSecrets {
  return {
    appId: `cli_sandbox${randomBytes(6).toString('hex')}`,
    appSecret: token(24),
    encryptKey: token(24),
    verificationToken: token(18),
    adminToken: token(24),
    pgPassword: token(18),
  };
}

/**
 * Creates the folder (0755, so that the database's OS user can pass through it when the
 * sandbox runs as root) and returns the stored secrets, generating them on the first run.
 */
export async function prepareHome(paths: SandboxPaths): Promise<SandboxSecrets> {
  await mkdir(paths.home, { recursive: true, mode: 0o755 });
  // A restrictive umask would leave it 0700; the database's OS user must pass through it.
  await chmod(paths.home, 0o755);
  const text = await readFile(paths.secrets, 'utf8').catch(() => undefined);
  if (text !== undefined) {
    // The database password lives here too: regenerating would lock us out of the data.
    const stored = parseSecrets(text);
    if (!stored) throw new SandboxError(`${paths.secrets} is damaged.`, `rm -rf ${paths.home}   # starts the sandbox afresh`);
    return stored;
  }
  const secrets = generateSecrets();
  await writeFile(paths.secrets, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  await chmod(paths.secrets, 0o600);
  return secrets;
}

function parseSecrets(text: string): SandboxSecrets | undefined {
  try {
    const parsed = secretsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
