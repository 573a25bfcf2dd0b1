// Decryption against Feishu's documented vector, our encryption against the SDK's AESCipher, and rejections.
import { createHash } from 'node:crypto';
import { AESCipher } from '@larksuiteoapi/node-sdk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptEvent, deriveAesKey, encryptEvent, FeishuCryptoError } from '../../../src/feishu/crypto.js';

const OFFICIAL = { key: 'test key', encrypt: 'P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=', plain: 'hello world' };
const SELF_VECTOR = {
  plain: '{"challenge":"c-123","token":"vt","type":"url_verification"}',
  encrypt: 'AAAAAAAAAAAAAAAAAAAAALjptHg7PenTGuXsC1j8q5+kBO8rGjmbSR+LkmCYtoAtTsP+RrZw8PecvG1WPb9+FSXwS744eBEH/Bjw3CwCRSw=',
};

function failureOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof FeishuCryptoError) return e.failure;
    throw e;
  }
  return 'no error';
}

describe('decryptEvent', () => {
  it('decrypts the official Feishu test vector', () => {
    expect(decryptEvent(OFFICIAL.key, OFFICIAL.encrypt)).toBe(OFFICIAL.plain);
  });

  it('derives the AES key as SHA-256 of the Encrypt Key', () => {
    expect(deriveAesKey('test key').toString('hex')).toBe('fa2bdca424f01f01ffb48df93acc35d439c7fd331a1a7fba6ac2fd83aa9ab31a');
  });

  it('reproduces the reference self-generated vector (zero IV) both ways', () => {
    expect(encryptEvent('test key', SELF_VECTOR.plain, Buffer.alloc(16))).toBe(SELF_VECTOR.encrypt);
    expect(decryptEvent('test key', SELF_VECTOR.encrypt)).toBe(SELF_VECTOR.plain);
  });

  it('rejects non-base64, short and misaligned input with typed errors', () => {
    expect(failureOf(() => decryptEvent('k', 'not base64!'))).toBe('bad_base64');
    expect(failureOf(() => decryptEvent('k', Buffer.alloc(16).toString('base64')))).toBe('too_short');
    expect(failureOf(() => decryptEvent('k', Buffer.alloc(33).toString('base64')))).toBe('misaligned');
    expect(failureOf(() => decryptEvent('k', ''))).toBe('too_short');
  });

  it('rejects the official ciphertext under a different key', () => {
    expect(failureOf(() => decryptEvent('other key', OFFICIAL.encrypt))).toBe('bad_padding');
  });

  it('rejects a ciphertext whose last block was altered', () => {
    const blob = Buffer.from(OFFICIAL.encrypt, 'base64');
    blob[blob.length - 1] = (blob[blob.length - 1] ?? 0) ^ 0x01;
    expect(() => decryptEvent(OFFICIAL.key, blob.toString('base64'))).toThrow(FeishuCryptoError);
  });
});

describe('encryptEvent', () => {
  it('is decrypted by the real SDK AESCipher, for any text and key', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), fc.string({ maxLength: 300 }), (key, text) => {
        const encrypted = encryptEvent(key, text);
        expect(new AESCipher(key).decrypt(encrypted)).toBe(text);
        expect(decryptEvent(key, encrypted)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('uses a fresh random IV each time', () => {
    expect(encryptEvent('k', 'same')).not.toBe(encryptEvent('k', 'same'));
  });

  it('handles multi-byte UTF-8 event bodies', () => {
    const body = JSON.stringify({ text: '记录 安全员 发现并处置隐患 3 处 ✅' });
    expect(decryptEvent('密钥', encryptEvent('密钥', body))).toBe(body);
    expect(createHash('sha256').update('密钥').digest()).toEqual(deriveAesKey('密钥'));
  });
});
