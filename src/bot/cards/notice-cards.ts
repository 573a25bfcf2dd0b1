// Short cards that tell a person why the bot cannot help: not in the roster, deactivated, or
// an error they can act on. One place turns every user-facing error into a card.
import { t } from '../messages/index.js';
import { card, markdown, md, type Card } from './elements.js';

/** `contacts`: the committee admins' names, so the person knows whom to ask by name. */
export function notInRosterCard(contacts: readonly string[] = []): Card {
  const elements = [markdown(t.common.notInRoster.body)];
  if (contacts.length > 0) elements.push(markdown(md.user(t.points.door.contacts(contacts.join('、')))));
  return card({ title: t.common.notInRoster.title, color: 'grey', elements });
}

export function inactiveCard(): Card {
  return card({ title: t.common.inactive.title, color: 'grey', elements: [markdown(t.common.inactive.body)] });
}

export function errorCard(message: string): Card {
  return card({ title: t.common.errors.title, color: 'orange', elements: [markdown(md.user(message))] });
}

export function welcomeCard(name: string): Card {
  return card({ title: t.common.welcome.title, color: 'red', elements: [markdown(md.user(t.common.welcome.body(name)))] });
}
