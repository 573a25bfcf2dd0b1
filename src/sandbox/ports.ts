// Port checks before anything starts, so that a busy port is reported by name with the setting
// that moves it, and another sandbox already on the port is recognised as such.
import net from 'node:net';
import { SandboxError } from './sandbox-error.js';

export interface SandboxHealth {
  sandbox: true;
  pid: number;
  home: string;
  url: string;
}

export async function isPortFree(host: string, port: number): Promise<boolean> {
  const server = net.createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** The sandbox answering at `url`, if one does (1 s budget). */
export async function probeSandbox(url: string): Promise<SandboxHealth | undefined> {
  try {
    const res = await fetch(`${url}/_sandbox/health`, { signal: AbortSignal.timeout(1000) });
    if (!res.ok) return undefined;
    const body = (await res.json()) as Partial<SandboxHealth>;
    return body.sandbox === true ? (body as SandboxHealth) : undefined;
  } catch {
    return undefined;
  }
}

export interface PortNeed {
  port: number;
  /** What it is for, e.g. "the page". */
  purpose: string;
  /** The variable that moves it. */
  variable: string;
}

/** Throws a SandboxError naming the first busy port and how to move it. */
export async function assertPortsFree(host: string, needs: PortNeed[]): Promise<void> {
  const seen = new Set<number>();
  for (const need of needs) {
    if (seen.has(need.port)) {
      throw new SandboxError(`${need.variable} (${need.port}) is the same port as another sandbox port.`, `${need.variable}=${need.port + 10} npm run sandbox`);
    }
    seen.add(need.port);
    if (!(await isPortFree(host, need.port))) {
      throw new SandboxError(
        `port ${need.port} (${need.purpose}) on ${host} is already in use by another program.`,
        `${need.variable}=${need.port + 10} npm run sandbox`,
      );
    }
  }
}
