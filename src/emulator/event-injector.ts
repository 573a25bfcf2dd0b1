// Delivers events and card callbacks to a URL the way Feishu does: signed exact bytes, 3 s
// timeout, and for events retries on anything but HTTP 200 at 15 s, 5 min, 1 h, 6 h (§1.8).
import { setTimeout as delay } from 'node:timers/promises';
import type { EmulatorControl } from './control.js';
import { urlVerification, type EventContext } from './event-builders.js';
import { buildSignedRequest, resign, type SignedRequest, unixSeconds } from './sign-request.js';

export const FEISHU_RETRY_SCHEDULE_MS: readonly number[] = [15_000, 300_000, 3_600_000, 21_600_000];
export const FEISHU_PUSH_TIMEOUT_MS = 3_000;

export interface InjectorOptions {
  eventsUrl: string;
  /** Card callbacks have their own request URL in the console; defaults to eventsUrl. */
  cardsUrl?: string;
  encryptKey?: string;
  /** With an Encrypt Key Feishu always encrypts; false sends signed plaintext. */
  encrypt?: boolean;
  timeoutMs?: number;
  retryScheduleMs?: readonly number[];
  /** Multiplies every retry delay, e.g. 0.001 turns 15 s … 6 h into 15 ms … 21.6 s. */
  timeScale?: number;
  /**
   * Whether a retry carries a fresh timestamp/nonce/signature. Unknown for real Feishu, so the
   * default replays the original bytes and headers — the harder case for a timestamp window.
   */
  resignRetries?: boolean;
  /** Lets the emulator know about user messages (so replies and resource downloads work). */
  emulator?: Pick<EmulatorControl, 'registerInboundEvent'>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface AttemptResult {
  attempt: number;
  at: number;
  ok: boolean;
  status?: number;
  body?: string;
  error?: string;
}

export interface DeliveryReport {
  delivered: boolean;
  attempts: AttemptResult[];
}

export class EventInjector {
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: InjectorOptions) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => delay(ms));
  }

  /** The exact request Feishu would send for this payload (also handy for inject() in route tests). */
  build(payload: unknown, overrides: { sign?: boolean; timestamp?: string; nonce?: string } = {}): SignedRequest {
    return buildSignedRequest(payload, {
      encryptKey: this.options.encryptKey,
      ...(this.options.encrypt !== undefined ? { encrypt: this.options.encrypt } : {}),
      timestamp: overrides.timestamp ?? unixSeconds(this.now()),
      ...(overrides.nonce ? { nonce: overrides.nonce } : {}),
      ...(overrides.sign !== undefined ? { sign: overrides.sign } : {}),
    });
  }

  /** Delivers an event with Feishu's retry schedule; the same bytes (same event_id) on every try. */
  async deliver(payload: unknown, opts: { retry?: boolean } = {}): Promise<DeliveryReport> {
    this.options.emulator?.registerInboundEvent(payload);
    const schedule = opts.retry === false ? [] : (this.options.retryScheduleMs ?? FEISHU_RETRY_SCHEDULE_MS);
    const scale = this.options.timeScale ?? 1;
    const first = this.build(payload);
    const attempts: AttemptResult[] = [];
    for (let i = 0; i <= schedule.length; i++) {
      if (i > 0) await this.sleep((schedule[i - 1] ?? 0) * scale);
      const { encryptKey } = this.options;
      const request = i > 0 && this.options.resignRetries && encryptKey ? resign(first, encryptKey, unixSeconds(this.now())) : first;
      const result = await this.post(this.options.eventsUrl, request, i + 1);
      attempts.push(result);
      if (result.ok) return { delivered: true, attempts };
    }
    return { delivered: false, attempts };
  }

  /** Card callbacks are synchronous and never retried; returns the status and parsed JSON answer. */
  async sendCardAction(payload: unknown): Promise<{ status?: number; body: unknown; error?: string }> {
    const result = await this.post(this.options.cardsUrl ?? this.options.eventsUrl, this.build(payload), 1);
    let body: unknown = result.body;
    try {
      body = result.body ? JSON.parse(result.body) : undefined;
    } catch {
      // leave the raw text: a non-JSON answer is itself something a test wants to see
    }
    return { ...(result.status !== undefined ? { status: result.status } : {}), body, ...(result.error ? { error: result.error } : {}) };
  }

  /** The URL-verification POST the console sends when the request URL is saved (unsigned). */
  async verifyUrl(ctx: EventContext, url: string = this.options.eventsUrl, challenge?: string): Promise<AttemptResult> {
    return this.post(url, this.build(urlVerification(ctx, challenge), { sign: false }), 1);
  }

  /** One POST with Feishu's whole-call timeout. */
  async post(url: string, request: SignedRequest, attempt: number): Promise<AttemptResult> {
    const at = this.now();
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: request.headers,
        body: request.rawBody,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? FEISHU_PUSH_TIMEOUT_MS),
      });
      const body = await res.text();
      return { attempt, at, ok: res.status === 200, status: res.status, body };
    } catch (e) {
      return { attempt, at, ok: false, error: e instanceof Error ? e.name + ': ' + e.message : String(e) };
    }
  }
}
