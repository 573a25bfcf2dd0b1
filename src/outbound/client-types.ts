// Inputs and results of the outbound Feishu client, in our own names rather than the wire's.
import type { ReadStream } from 'node:fs';

export type ReceiveIdType = 'open_id' | 'union_id' | 'user_id' | 'email' | 'chat_id';
export type MsgType = 'text' | 'post' | 'image' | 'interactive' | 'file' | 'audio' | 'media' | 'sticker' | 'share_chat' | 'share_user';

/** Message content: an object is JSON-encoded for you; a string is sent as is. */
export type MessageContent = string | Record<string, unknown>;

export interface SendMessageInput {
  receiveIdType: ReceiveIdType;
  receiveId: string;
  msgType: MsgType;
  content: MessageContent;
  /** From messageUuid(businessKey); required so every send is idempotent. */
  uuid: string;
}

export interface ReplyInput {
  messageId: string;
  msgType: MsgType;
  content: MessageContent;
  uuid: string;
  replyInThread?: boolean;
}

export interface SentMessage {
  messageId: string;
  chatId?: string;
  createTime?: string;
}

export interface BatchSendInput {
  openIds?: string[];
  userIds?: string[];
  unionIds?: string[];
  departmentIds?: string[];
  msgType: MsgType;
  /** For non-card messages, e.g. `{text: '…'}` (an object, not a string, for this API). */
  content?: Record<string, unknown>;
  /** For msg_type interactive. */
  card?: Record<string, unknown>;
}

export interface BatchSendResult {
  batchMessageId: string;
  invalidOpenIds: string[];
  invalidUserIds: string[];
  invalidUnionIds: string[];
  invalidDepartmentIds: string[];
}

export interface ResolvedUser {
  email?: string;
  mobile?: string;
  /** Absent when the person is unknown or outside the app's contact scope. */
  userId?: string;
}

export interface BotInfo {
  openId: string;
  appName: string;
  activateStatus?: number;
}

export interface ImageUploadInput {
  image: Buffer | ReadStream;
  imageType?: 'message' | 'avatar';
}

export interface FileUploadInput {
  file: Buffer;
  /** Shown to the person receiving the file message. */
  fileName: string;
  /** Feishu's coarse kind; `xls` for workbooks, `stream` for anything else. */
  fileType?: 'opus' | 'mp4' | 'pdf' | 'doc' | 'xls' | 'ppt' | 'stream';
}

export interface DownloadedResource {
  data: Buffer;
  contentType?: string;
}

export interface FeishuClientLogger {
  debug(message: string): void;
  warn(message: string): void;
}
