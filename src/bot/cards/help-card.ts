// The help card: what the bot can do for this person, with buttons for the common actions.
import type { Actor } from '../actor.js';
import { isSecretaryOrAdmin } from '../actor.js';
import { t } from '../messages/index.js';
import { button, buttonRow, card, divider, markdown, md, type Card, type CardElement } from './elements.js';

function commandList(rows: readonly (readonly [string, string])[]): CardElement {
  return markdown(rows.map(([cmd, what]) => `- **${cmd}**：${what}`).join('\n'));
}

export function helpCard(actor: Actor | undefined, options: { unknownInput?: string } = {}): Card {
  const h = t.common.help;
  const elements: CardElement[] = [];
  if (options.unknownInput !== undefined) elements.push(markdown(md.user(h.unknownCommand(options.unknownInput))));
  elements.push(markdown(h.intro), commandList(h.memberCommands));
  if (actor && isSecretaryOrAdmin(actor)) {
    elements.push(divider(), markdown(`**${h.secretaryTitle}**`), commandList(h.secretaryCommands));
  }
  const buttons = [
    button({ label: h.buttons.points, value: { a: 'cmd', cmd: 'points' }, style: 'primary_filled' }),
    button({ label: h.buttons.record, value: { a: 'cmd', cmd: 'record' }, style: 'primary' }),
    button({ label: h.buttons.pledges, value: { a: 'cmd', cmd: 'pledges' } }),
    button({ label: h.buttons.board, value: { a: 'cmd', cmd: 'board' } }),
  ];
  if (actor && isSecretaryOrAdmin(actor)) buttons.push(button({ label: h.buttons.pending, value: { a: 'cmd', cmd: 'pending' } }));
  elements.push(buttonRow(buttons));
  return card({ title: h.title, color: 'red', summary: h.title, elements });
}
