// Small adapters around the SDK: a logger that never prints request configs, and stream reading.
import type { Logger } from '@larksuiteoapi/node-sdk';
import type { FeishuClientLogger } from './client-types.js';

/**
 * The SDK logs whole AxiosErrors, whose config carries `Authorization: Bearer t-…`. Reduce every
 * argument to its message so no token reaches the logs; our own errors are logged by the caller.
 */
export function sdkLogger(target?: FeishuClientLogger): Logger {
  const text = (args: unknown[]): string =>
    args
      .map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : typeof a === 'string' ? a : Array.isArray(a) ? a.filter((x) => typeof x === 'string').join(' ') : ''))
      .filter(Boolean)
      .join(' ');
  const debug = (...args: unknown[]): void => target?.debug(`feishu-sdk: ${text(args)}`);
  return {
    error: debug,
    warn: (...args: unknown[]) => target?.warn(`feishu-sdk: ${text(args)}`),
    info: debug,
    debug,
    trace: debug,
  };
}

/** Reads a stream into memory, refusing more than `limit` bytes (Feishu resources are ≤ 100 MB). */
export async function readAll(stream: NodeJS.ReadableStream, limit = 100 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buf.length;
    if (size > limit) throw new Error(`resource larger than ${limit} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
