// Fan-out helpers for the sender tests: seed recipients, queue one message each, check the result.
import { expect } from 'vitest';
import { textTo } from '../../../src/bot/reply.js';
import { QUEUES } from '../../../src/jobs/contracts.js';
import { enqueueOutgoing } from '../../../src/pipeline/outbox.js';
import { seedUsers } from '../../helpers/feishu-emulator.js';
import type { Edge } from './harness.js';

export async function fanOut(edge: Edge, tag: string, n: number): Promise<{ openIds: string[]; keys: string[] }> {
  const users = seedUsers(n, tag);
  for (const u of users) edge.emulator.app.emulator.addUser(u);
  const messages = users.map((u) => textTo({ to: 'open_id', id: u.openId }, `本月积分提醒 ${u.name}`));
  const keys = await enqueueOutgoing(edge, messages, { businessKeyPrefix: `campaign:${tag}`, priority: 'bulk' });
  return { openIds: users.map((u) => u.openId), keys };
}

export const sentCount = (edge: Edge, keys: string[]) => edge.db.outboundMessage.count({ where: { businessKey: { in: keys }, status: 'SENT' } });

export async function expectEachOnce(edge: Edge, openIds: string[], keys: string[]): Promise<void> {
  const control = edge.emulator.app.emulator;
  expect(openIds.map((id) => control.messagesTo(id).length)).toEqual(openIds.map(() => 1));
  const rows = await edge.db.outboundMessage.findMany({ where: { businessKey: { in: keys } } });
  expect(rows.every((r) => r.status === 'SENT' && r.attempts === 1 && r.messageId)).toBe(true);
  const failed = await edge.queues.queue(QUEUES.outboundBulk).getJobCounts('failed');
  expect(failed.failed).toBe(0);
}

