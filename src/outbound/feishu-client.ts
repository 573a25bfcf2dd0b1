// The outbound Feishu client for workers: the official SDK pointed at FEISHU_DOMAIN, with an HTTP
// timeout, a shared tenant token, one refresh-and-retry on an invalid token, and typed errors.
import { Client, LoggerLevel } from '@larksuiteoapi/node-sdk';
import { isAxiosError } from 'axios';
import type {
  BatchSendInput,
  BatchSendResult,
  BotInfo,
  DownloadedResource,
  FeishuClientLogger,
  FileUploadInput,
  ImageUploadInput,
  ReplyInput,
  ResolvedUser,
  SendMessageInput,
  SentMessage,
} from './client-types.js';
import { classifyError, FeishuApiError } from './errors.js';
import { createHttpInstance } from './http-instance.js';
import { bearerOf, checkUuid, encode, ensureOk, isTokenFetchFailure, readAll, sdkLogger, sentMessage } from './sdk-support.js';
import { SharedTokenCache, type SharedTokenCacheOptions } from './shared-token-cache.js';
import { InMemoryTenantTokenStore, type TenantTokenStore } from './token-store.js';

export interface FeishuClientOptions {
  appId: string;
  appSecret: string;
  /** FEISHU_DOMAIN: https://open.feishu.cn, https://open.larksuite.com, or the emulator's base URL. */
  domain: string;
  /** Per HTTP request; the SDK has no default timeout at all. */
  timeoutMs?: number;
  /** Shared between processes in production (Redis/PostgreSQL); in memory by default. */
  tokenStore?: TenantTokenStore;
  tokenCache?: SharedTokenCacheOptions;
  logger?: FeishuClientLogger;
}

export class FeishuClient {
  /** The underlying SDK client, for APIs this wrapper does not cover (errors then are yours to classify). */
  readonly sdk: Client;
  private readonly cache: SharedTokenCache;
  private readonly appId: string;

  constructor(options: FeishuClientOptions) {
    this.appId = options.appId;
    this.cache = new SharedTokenCache(options.tokenStore ?? new InMemoryTenantTokenStore(), options.tokenCache);
    this.sdk = new Client({
      appId: options.appId,
      appSecret: options.appSecret,
      domain: options.domain,
      httpInstance: createHttpInstance(options.timeoutMs ?? 10_000),
      cache: this.cache,
      loggerLevel: LoggerLevel.warn,
      logger: sdkLogger(options.logger),
    });
  }

  /** Runs one SDK call; on an invalid token, drops that token and tries exactly once more. */
  private async call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await this.attempt(operation, fn);
    } catch (e) {
      if (!(e instanceof FeishuApiError && e.kind === 'token_invalid')) throw e;
      return this.attempt(operation, fn);
    }
  }

  private async attempt<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (raw) {
      if (isTokenFetchFailure(raw)) await this.cache.abandonRefresh(this.appId);
      const error = classifyError(operation, raw);
      const used = bearerOf(raw);
      if (error.kind === 'token_invalid' && used) await this.cache.invalidate(this.appId, used);
      throw error;
    }
  }

  async send(input: SendMessageInput): Promise<SentMessage> {
    const op = 'im.message.create';
    checkUuid(op, input.uuid);
    const body = await this.call(op, () =>
      this.sdk.im.v1.message.create({
        params: { receive_id_type: input.receiveIdType },
        data: { receive_id: input.receiveId, msg_type: input.msgType, content: encode(input.content), uuid: input.uuid },
      }),
    );
    return sentMessage(op, body);
  }

  async reply(input: ReplyInput): Promise<SentMessage> {
    const op = 'im.message.reply';
    checkUuid(op, input.uuid);
    const body = await this.call(op, () =>
      this.sdk.im.v1.message.reply({
        path: { message_id: input.messageId },
        data: { msg_type: input.msgType, content: encode(input.content), uuid: input.uuid, reply_in_thread: input.replyInThread ?? false },
      }),
    );
    return sentMessage(op, body);
  }

  /** Replaces a sent card (shared cards; ≤ 14 days old; 5 QPS per message). */
  async patchCard(messageId: string, card: Record<string, unknown>): Promise<void> {
    const op = 'im.message.patch';
    ensureOk(op, await this.call(op, () => this.sdk.im.v1.message.patch({ path: { message_id: messageId }, data: { content: JSON.stringify(card) } })));
  }

  /** Delayed update with a callback's card token (≤ 30 min, 2 uses), after the callback was answered. */
  async updateCardDelayed(token: string, card: Record<string, unknown>): Promise<void> {
    const op = 'card.delayed_update';
    ensureOk(op, await this.call(op, () => this.sdk.request({ method: 'POST', url: '/open-apis/interactive/v1/card/update', data: { token, card } })));
  }

  /** batch_send (no SDK wrapper): users/departments only, asynchronous, cards cannot be patched later. */
  async batchSend(input: BatchSendInput): Promise<BatchSendResult> {
    const op = 'message.batch_send';
    const data = {
      ...(input.openIds ? { open_ids: input.openIds } : {}),
      ...(input.userIds ? { user_ids: input.userIds } : {}),
      ...(input.unionIds ? { union_ids: input.unionIds } : {}),
      ...(input.departmentIds ? { department_ids: input.departmentIds } : {}),
      msg_type: input.msgType,
      ...(input.card ? { card: input.card } : { content: input.content }),
    };
    const body = ensureOk(op, await this.call(op, () => this.sdk.request({ method: 'POST', url: '/open-apis/message/v4/batch_send/', data })));
    const d = body.data ?? {};
    const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    return {
      batchMessageId: String(d.message_id ?? ''),
      invalidOpenIds: list(d.invalid_open_ids),
      invalidUserIds: list(d.invalid_user_ids),
      invalidUnionIds: list(d.invalid_union_ids),
      invalidDepartmentIds: list(d.invalid_department_ids),
    };
  }

  async uploadImage(input: ImageUploadInput): Promise<string> {
    const op = 'im.image.create';
    const data = await this.call(op, () => this.sdk.im.v1.image.create({ data: { image_type: input.imageType ?? 'message', image: input.image } }));
    // This SDK method returns only the inner data, and null when Feishu answered with a code.
    if (!data?.image_key) throw new FeishuApiError('permanent', `${op}: no image_key in answer`, { operation: op });
    return data.image_key;
  }

  /** Uploads a file (≤ 30 MB, not empty) for a file message; returns its file_key. */
  async uploadFile(input: FileUploadInput): Promise<string> {
    const op = 'im.file.create';
    const data = await this.call(op, () =>
      this.sdk.im.v1.file.create({ data: { file_type: input.fileType ?? 'stream', file_name: input.fileName, file: input.file } }),
    );
    // Like image.create, this SDK method returns only the inner data, and null when Feishu answered with a code.
    if (!data?.file_key) throw new FeishuApiError('permanent', `${op}: no file_key in answer`, { operation: op });
    return data.file_key;
  }

  async downloadResource(messageId: string, fileKey: string, type: 'image' | 'file'): Promise<DownloadedResource> {
    const op = 'im.message_resource.get';
    const res = await this.call(op, async () => {
      try {
        return await this.sdk.im.v1.messageResource.get({ path: { message_id: messageId, file_key: fileKey }, params: { type } });
      } catch (e) {
        // With responseType 'stream' an error body is a stream too: read it so the code can be classified.
        if (isAxiosError(e) && e.response && typeof (e.response.data as { pipe?: unknown })?.pipe === 'function') {
          const text = (await readAll(e.response.data as NodeJS.ReadableStream, 64 * 1024)).toString('utf8');
          try {
            e.response.data = JSON.parse(text);
          } catch {
            e.response.data = text;
          }
        }
        throw e;
      }
    });
    const contentType = (res.headers as Record<string, unknown> | undefined)?.['content-type'];
    return { data: await readAll(res.getReadableStream()), ...(typeof contentType === 'string' ? { contentType } : {}) };
  }

  /** Resolves emails/mobiles (≤ 50 each) to ids of `userIdType`; unknown people come back without userId. */
  async batchGetId(input: { emails?: string[]; mobiles?: string[]; includeResigned?: boolean; userIdType?: 'open_id' | 'union_id' | 'user_id' }): Promise<ResolvedUser[]> {
    const op = 'contact.batch_get_id';
    const body = ensureOk(op, await this.call(op, () =>
      this.sdk.contact.v3.user.batchGetId({
        params: { user_id_type: input.userIdType ?? 'open_id' },
        data: { emails: input.emails ?? [], mobiles: input.mobiles ?? [], include_resigned: input.includeResigned ?? false },
      }),
    ));
    const users = Array.isArray(body.data?.user_list) ? (body.data.user_list as Array<Record<string, unknown>>) : [];
    return users.map((u) => ({
      ...(typeof u.email === 'string' ? { email: u.email } : {}),
      ...(typeof u.mobile === 'string' ? { mobile: u.mobile } : {}),
      ...(typeof u.user_id === 'string' ? { userId: u.user_id } : {}),
    }));
  }

  /** The bot's own identity; its open_id tells @bot mentions apart in group messages. */
  async botInfo(): Promise<BotInfo> {
    const op = 'bot.info';
    const body = ensureOk(op, await this.call(op, () => this.sdk.request({ method: 'GET', url: '/open-apis/bot/v3/info' })));
    const bot = (body.bot ?? {}) as Record<string, unknown>;
    if (typeof bot.open_id !== 'string') throw new FeishuApiError('permanent', `${op}: no bot.open_id in answer`, { operation: op });
    return {
      openId: bot.open_id,
      appName: typeof bot.app_name === 'string' ? bot.app_name : '',
      ...(typeof bot.activate_status === 'number' ? { activateStatus: bot.activate_status } : {}),
    };
  }
}
