// Small adapters around the SDK: answer checks, token-error plumbing, a logger that never prints
// request configs, and stream reading.
import type { Logger } from '@larksuiteoapi/node-sdk';
import { isAxiosError } from 'axios';
import type { FeishuClientLogger, MessageContent, SentMessage } from './client-types.js';
import { classifyResponse, FeishuApiError } from './errors.js';
import { MAX_UUID_LENGTH } from './message-uuid.js';

export type Body = { code?: number; msg?: string; data?: Record<string, unknown> } & Record<string, unknown>;

export function encode(content: MessageContent): string {
  return typeof content === 'string' ? content : JSON.stringify(content);
}

export function checkUuid(operation: string, uuid: string): void {
  if (uuid.length === 0 || uuid.length > MAX_UUID_LENGTH) {
    throw new FeishuApiError('permanent', `${operation}: uuid must be 1-${MAX_UUID_LENGTH} characters`, { operation });
  }
}

/** HTTP 200 with a non-zero code is a failure too (the SDK returns those instead of throwing). */
export function ensureOk(operation: string, body: unknown): Body {
  const b = (body ?? {}) as Body;
  if (b.code !== 0) throw classifyResponse(operation, 200, body);
  return b;
}

export function sentMessage(operation: string, body: unknown): SentMessage {
  const data = ensureOk(operation, body).data ?? {};
  if (typeof data.message_id !== 'string') throw new FeishuApiError('permanent', `${operation}: no message_id in answer`, { operation });
  return {
    messageId: data.message_id,
    ...(typeof data.chat_id === 'string' ? { chatId: data.chat_id } : {}),
    ...(typeof data.create_time === 'string' ? { createTime: data.create_time } : {}),
  };
}

export function bearerOf(error: unknown): string | undefined {
  if (!isAxiosError(error)) return undefined;
  const auth = error.config?.headers?.Authorization ?? error.config?.headers?.authorization;
  return typeof auth === 'string' ? auth.replace(/^Bearer\s+/i, '') : undefined;
}

export function isTokenFetchFailure(error: unknown): boolean {
  if (isAxiosError(error)) return (error.config?.url ?? '').includes('/auth/v3/tenant_access_token');
  return error instanceof Error && error.message.startsWith('failed to get tenant_access_token');
}

/**
 * The SDK logs whole AxiosErrors, whose config carries `Authorization: Bearer t-…`. Reduce every
 * argument to its message so no token reaches the logs; our own errors are logged by the caller.
 */
export function sdkLogger(target?: FeishuClientLogger): Logger {
  // The SDK's LoggerProxy passes its arguments as one array; objects (request data, bodies) are dropped.
  const describe = (a: unknown): string =>
    a instanceof Error ? `${a.name}: ${a.message}` : typeof a === 'string' ? a : Array.isArray(a) ? a.map(describe).filter(Boolean).join(' ') : '';
  const debug = (...args: unknown[]): void => target?.debug(`feishu-sdk: ${describe(args)}`);
  return {
    error: debug,
    warn: (...args: unknown[]) => target?.warn(`feishu-sdk: ${describe(args)}`),
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
