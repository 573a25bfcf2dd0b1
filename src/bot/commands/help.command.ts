// `帮助` / `help`: what I can do, as a card with buttons.
import { helpCard } from '../cards/help-card.js';
import type { CommandDefinition } from './command.js';

export const helpCommand: CommandDefinition<'help'> = {
  name: 'help',
  aliases: ['帮助', '菜单', '功能', 'help', 'menu', '?', '？'],
  menuKeys: ['help'],
  run: async ({ actor }) => ({ reply: helpCard(actor) }),
};
