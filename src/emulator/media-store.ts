// Uploaded images and downloadable message resources (files and images inside users' messages).
import { randomBytes } from 'node:crypto';

export interface StoredMedia {
  bytes: Buffer;
  contentType: string;
  fileName?: string;
}

export class MediaStore {
  private readonly images = new Map<string, StoredMedia>();
  private readonly resources = new Map<string, StoredMedia & { messageId?: string }>();
  private readonly files = new Map<string, StoredMedia>();

  putImage(media: StoredMedia): string {
    const key = `img_v2_${randomBytes(16).toString('hex')}`;
    this.images.set(key, media);
    return key;
  }

  /** A file the bot uploaded (im/v1/files): sendable as a file message, downloadable from it. */
  putFile(media: StoredMedia): string {
    const key = `file_v3_${randomBytes(16).toString('hex')}`;
    this.files.set(key, media);
    return key;
  }

  hasFile(key: string): boolean {
    return this.files.has(key);
  }

  getFile(key: string): StoredMedia | undefined {
    return this.files.get(key);
  }

  hasImage(key: string): boolean {
    return this.images.has(key);
  }

  getImage(key: string): StoredMedia | undefined {
    return this.images.get(key);
  }

  /** Seeds a resource that users "sent", downloadable through the message-resource API. */
  putResource(fileKey: string, media: StoredMedia & { messageId?: string }): void {
    this.resources.set(fileKey, media);
  }

  /** A resource must belong to the message it is asked for under (when it was seeded with one). */
  getResource(messageId: string, fileKey: string): StoredMedia | undefined {
    const r = this.resources.get(fileKey) ?? this.images.get(fileKey) ?? this.files.get(fileKey);
    if (!r) return undefined;
    if ('messageId' in r && r.messageId !== undefined && r.messageId !== messageId) return undefined;
    return r;
  }

  clear(): void {
    this.images.clear();
    this.resources.clear();
    this.files.clear();
  }
}
