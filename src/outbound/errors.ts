// One small vocabulary for everything that can go wrong calling Feishu, and the table that maps
// HTTP statuses, Feishu codes and network failures onto it (reference §3.0, §3.10, §4).
import { isAxiosError } from 'axios';

export type FeishuErrorKind = 'rate_limited' | 'token_invalid' | 'retryable' | 'permanent';

export interface FeishuErrorDetails {
  operation: string;
  httpStatus?: number;
  code?: number;
  /** For rate_limited: how long to wait before trying again. */
  retryAfterMs?: number;
  /** True when the request may have taken effect (timeout or reset after sending). */
  ambiguous?: boolean;
  logId?: string;
}

/** Carries only safe fields: never the request config, which holds the bearer token. */
export class FeishuApiError extends Error {
  override readonly name = 'FeishuApiError';
  constructor(
    readonly kind: FeishuErrorKind,
    message: string,
    readonly details: FeishuErrorDetails,
  ) {
    super(message);
  }
}

/** Codes after which the official SDKs drop the cached token and retry (oapi-sdk-go core). */
export const TOKEN_INVALID_CODES: ReadonlySet<number> = new Set([99991661, 99991663, 99991664, 99991668, 99991671]);
/** Server-side trouble reported with a code rather than a 5xx. */
export const RETRYABLE_CODES: ReadonlySet<number> = new Set([2200, 11232, 99991401 /* IP allow-list propagation */]);

export const RECEIVER_LIMIT_RETRY_MS = 1_000;
export const DEFAULT_RATE_LIMIT_RETRY_MS = 1_000;

const NETWORK_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_NETWORK', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_SOCKET_CONNECTION_TIMEOUT', 'UND_ERR_SOCKET']);
// Errors raised after the request may have reached Feishu: the effect is unknown.
const AMBIGUOUS_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

type Headers = Record<string, unknown> | undefined;

function header(headers: Headers, name: string): string | undefined {
  if (!headers) return undefined;
  const get = (headers as { get?: (n: string) => unknown }).get;
  const v = typeof get === 'function' ? get.call(headers, name) : headers[name];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

function bodyFields(body: unknown): { code?: number; msg?: string; logId?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const b = body as { code?: unknown; msg?: unknown; error?: { log_id?: unknown } };
  return {
    ...(typeof b.code === 'number' ? { code: b.code } : {}),
    ...(typeof b.msg === 'string' ? { msg: b.msg } : {}),
    ...(typeof b.error?.log_id === 'string' ? { logId: b.error.log_id } : {}),
  };
}

/** Classifies a Feishu answer from its HTTP status, body and headers. */
export function classifyResponse(operation: string, httpStatus: number, body: unknown, headers?: Headers): FeishuApiError {
  const { code, msg, logId } = bodyFields(body);
  const base: FeishuErrorDetails = {
    operation,
    httpStatus,
    ...(code !== undefined ? { code } : {}),
    ...(logId ?? header(headers, 'x-tt-logid') ? { logId: logId ?? header(headers, 'x-tt-logid') } : {}),
  };
  const text = `${operation} failed: HTTP ${httpStatus}${code !== undefined ? `, code ${code}` : ''}${msg ? `: ${msg}` : ''}`;
  // Gateway limit: HTTP 429 + 99991400 with x-ogw-ratelimit-reset (older APIs may send it with a 400).
  if (httpStatus === 429 || code === 99991400) {
    const reset = Number(header(headers, 'x-ogw-ratelimit-reset'));
    const retryAfterMs = Number.isFinite(reset) && reset > 0 ? reset * 1000 : DEFAULT_RATE_LIMIT_RETRY_MS;
    return new FeishuApiError('rate_limited', text, { ...base, retryAfterMs });
  }
  // 5 QPS per receiving user/chat or per card message: a short pause is enough.
  if (code === 230020) return new FeishuApiError('rate_limited', text, { ...base, retryAfterMs: RECEIVER_LIMIT_RETRY_MS });
  if (code !== undefined && TOKEN_INVALID_CODES.has(code)) return new FeishuApiError('token_invalid', text, base);
  if (httpStatus >= 500 || (code !== undefined && RETRYABLE_CODES.has(code))) return new FeishuApiError('retryable', text, base);
  return new FeishuApiError('permanent', text, base);
}

/** The SDK's own message when the token endpoint answers without a token. */
const TOKEN_FETCH_FAILED = /^failed to get tenant_access_token, code: (-?\d+|unknown)/;
/** Bad app id / secret: no retry will fix those. */
const BAD_CREDENTIAL_CODES = new Set([10003, 10014]);

/** Classifies anything thrown by an SDK call: an AxiosError, a token failure, or a bug. */
export function classifyError(operation: string, error: unknown): FeishuApiError {
  if (error instanceof FeishuApiError) return error;
  if (isAxiosError(error)) {
    if (error.response) return classifyResponse(operation, error.response.status, error.response.data, error.response.headers as Headers);
    const code = error.code ?? (error.cause as { code?: string } | undefined)?.code ?? '';
    if (NETWORK_CODES.has(code) || error.request) {
      return new FeishuApiError('retryable', `${operation} failed: ${code || 'network error'}`, {
        operation,
        ...(AMBIGUOUS_CODES.has(code) ? { ambiguous: true } : {}),
      });
    }
  }
  if (error instanceof Error) {
    const m = TOKEN_FETCH_FAILED.exec(error.message);
    if (m) {
      const code = Number(m[1]);
      const kind = BAD_CREDENTIAL_CODES.has(code) ? 'permanent' : 'retryable';
      return new FeishuApiError(kind, `${operation} failed: ${error.message}`, { operation, ...(Number.isFinite(code) ? { code } : {}) });
    }
  }
  // Anything else is our own bug (bad arguments, a TypeError): retrying would not help.
  return new FeishuApiError('permanent', `${operation} failed: ${error instanceof Error ? error.message : String(error)}`, { operation });
}
