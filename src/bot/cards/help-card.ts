// The help card: every command this person may use, grouped by role, with buttons for the common actions.
// Buttons name a command by its name, or by its Chinese alias where another module defines it (记录, 我的记录,
// 待审): run-command.action.ts resolves either, so the button works whatever that module names the command.
import type { Actor } from '../actor.js';
import { t } from '../messages/index.js';
import { button, buttonRow, card, divider, markdown, md, type ActionValue, type Card, type CardElement } from './elements.js';

function commandList(title: string, rows: readonly (readonly [string, string])[]): CardElement {
  return markdown([`**${title}**`, ...rows.map(([cmd, what]) => `- **${cmd}**：${what}`)].join('\n'));
}

const cmd = (name: string): ActionValue => ({ a: 'cmd', cmd: name });

export function helpCard(actor: Actor | undefined, options: { unknownInput?: string } = {}): Card {
  const h = t.common.help;
  const m = t.helpMenu;
  const role = actor?.role ?? 'MEMBER';
  const manages = role === 'SECRETARY' || role === 'ADMIN';
  const elements: CardElement[] = [];
  if (options.unknownInput !== undefined) elements.push(markdown(md.user(h.unknownCommand(options.unknownInput))));
  elements.push(markdown(h.intro), commandList(m.memberTitle, m.member));
  elements.push(
    buttonRow([
      button({ label: m.buttons.record, value: cmd('记录'), style: 'primary_filled' }),
      button({ label: m.buttons.points, value: cmd('points'), style: 'primary' }),
      button({ label: m.buttons.myRecords, value: cmd('我的记录') }),
      button({ label: m.buttons.board, value: cmd('board') }),
      button({ label: m.buttons.pledges, value: cmd('pledges') }),
      button({ label: m.buttons.volunteer, value: cmd('volunteer') }),
    ]),
  );
  if (manages) {
    elements.push(divider(), commandList(m.secretaryTitle, m.secretary));
    elements.push(buttonRow([
      button({ label: m.buttons.pending, value: cmd('待审'), style: 'primary' }),
      button({ label: m.buttons.branch, value: cmd('branch') }),
    ]));
  }
  if (role === 'ADMIN') elements.push(divider(), commandList(m.adminTitle, m.admin));
  return card({ title: h.title, color: 'red', summary: h.title, elements });
}
