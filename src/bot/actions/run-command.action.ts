// Buttons that stand for a chat command (the help card's, for instance): the command's answer
// arrives as a new message, because people on phones tap more than they type.
import { z } from 'zod';
import type { CommandDefinition } from '../commands/command.js';
import { parseCommand } from '../parse-command.js';
import { cardTo } from '../reply.js';
import { t } from '../messages/index.js';
import type { ActionDefinition } from './action.js';

const valueSchema = z.object({ a: z.literal('cmd'), cmd: z.string().min(1).max(40), arg: z.string().max(200).optional() });

export function runCommandAction(commands: readonly CommandDefinition[]): ActionDefinition {
  return {
    action: 'cmd',
    run: async ({ actor, input, services }) => {
      const value = valueSchema.parse(input.value);
      // By name, or by a Chinese alias (the help card lists commands other modules define).
      const command = commands.find((c) => c.name === value.cmd) ?? commands.find((c) => c.name === parseCommand(value.cmd, commands)?.name);
      if (!command) return { toast: { type: 'error', content: t.common.errors.notFound } };
      const target = { to: 'open_id' as const, id: input.openId };
      const args = value.arg ? value.arg.split(' ') : [];
      const result = await command.run({
        actor,
        input: { kind: 'menu', key: input.key, openId: input.openId, eventKey: `card:${value.cmd}` },
        args,
        argText: value.arg ?? '',
        replyTarget: target,
        services,
      });
      return { also: [...(result.reply ? [cardTo(target, result.reply)] : []), ...(result.also ?? [])] };
    },
  };
}
