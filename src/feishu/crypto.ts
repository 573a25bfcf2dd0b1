// AES-256-CBC envelope crypto for Feishu's `{"encrypt":"…"}` bodies (platform reference §1.5).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export type FeishuCryptoFailure = 'bad_base64' | 'too_short' | 'misaligned' | 'bad_padding' | 'bad_utf8';

/** Thrown when an `encrypt` payload cannot be decrypted; the route maps it to HTTP 400. */
export class FeishuCryptoError extends Error {
  override readonly name = 'FeishuCryptoError';
  constructor(
    readonly failure: FeishuCryptoFailure,
    message: string,
  ) {
    super(message);
  }
}

const BLOCK = 16;
// Standard alphabet with padding, as Feishu sends it; Buffer.from(…, 'base64') alone would
// silently skip junk characters and decrypt something other than what was sent.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The AES key is SHA-256 of the Encrypt Key's UTF-8 bytes. */
export function deriveAesKey(encryptKey: string): Buffer {
  return createHash('sha256').update(encryptKey, 'utf8').digest();
}

/** Decrypts `base64(IV ‖ ciphertext)` and returns the UTF-8 plaintext. */
export function decryptEvent(encryptKey: string, encrypted: string): string {
  if (!BASE64.test(encrypted)) throw new FeishuCryptoError('bad_base64', 'encrypt is not base64');
  const blob = Buffer.from(encrypted, 'base64');
  // At least one IV block and one ciphertext block; CBC ciphertext is whole blocks.
  if (blob.length < 2 * BLOCK) throw new FeishuCryptoError('too_short', 'encrypt is shorter than 32 bytes');
  if (blob.length % BLOCK !== 0) throw new FeishuCryptoError('misaligned', 'ciphertext is not a multiple of 16 bytes');

  const decipher = createDecipheriv('aes-256-cbc', deriveAesKey(encryptKey), blob.subarray(0, BLOCK));
  let plain: Buffer;
  try {
    // Node's default auto-padding strips and checks PKCS#7; a wrong key almost always fails here.
    plain = Buffer.concat([decipher.update(blob.subarray(BLOCK)), decipher.final()]);
  } catch {
    throw new FeishuCryptoError('bad_padding', 'decryption failed (wrong key or corrupted data)');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    throw new FeishuCryptoError('bad_utf8', 'decrypted bytes are not UTF-8');
  }
}

/** Encrypts like Feishu does (random IV unless one is given); used by the emulator and tests. */
export function encryptEvent(encryptKey: string, plaintext: string, iv: Buffer = randomBytes(BLOCK)): string {
  if (iv.length !== BLOCK) throw new RangeError('IV must be 16 bytes');
  const cipher = createCipheriv('aes-256-cbc', deriveAesKey(encryptKey), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body]).toString('base64');
}
