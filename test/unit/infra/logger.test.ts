import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger('info', stream), text: () => lines.join('') };
}

describe('logger redaction', () => {
  it('hides secrets and personal data at any depth it is logged', () => {
    const { logger, text } = capture();
    logger.info(
      {
        appSecret: 'S3CRET-app',
        member: { name: '张三', mobile: '13900001111', email: 'zs@example.com', openId: 'ou_abc' },
        event: { message: { content: '{"text":"我的积分"}' }, sender: { sender_id: { open_id: 'ou_def' } } },
        req: { headers: { authorization: 'Bearer admin-token-xyz' } },
        queue: 'feishu-outbound',
      },
      'hello',
    );
    const out = text();
    for (const secret of ['S3CRET-app', '张三', '13900001111', 'zs@example.com', 'ou_abc', '我的积分', 'ou_def', 'admin-token-xyz']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('feishu-outbound');
    expect(out).toContain('[redacted]');
  });
});
