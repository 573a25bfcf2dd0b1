// Cards of 党员之星: the admin's candidate list with the confirm button, and the announcement every
// member and every bound branch group receives.
import { t } from '../messages/index.js';
import { button, buttonRow, card, markdown, md, type Card, type CardElement } from './elements.js';

const s = t.stars;
/** Candidates shown on one card (21 branches × a few each fit easily). */
const MAX_ROWS = 120;

export interface CandidateRow {
  readonly branch: string;
  readonly name: string;
  readonly rank: number;
  readonly confirmed: boolean;
}

export function starsCandidatesCard(o: { year: number; candidates: readonly CandidateRow[]; excluded: number }): Card {
  const elements: CardElement[] = [];
  if (o.candidates.length === 0) elements.push(markdown(s.none));
  for (const c of o.candidates.slice(0, MAX_ROWS)) elements.push(markdown(`${s.candidate(md.user(c.branch), md.user(c.name), c.rank)}${c.confirmed ? s.confirmed : ''}`));
  elements.push(markdown(s.excluded(o.excluded), { size: 'notation' }));
  if (o.candidates.length > 0) {
    elements.push(buttonRow([button({ label: s.confirm, value: { a: 'stars.confirm', y: o.year }, style: 'primary_filled', confirm: s.confirmDialog })]));
  }
  return card({ title: s.title(o.year), color: 'orange', elements });
}

export function starsAnnouncementCard(year: number, stars: readonly { branch: string; name: string }[]): Card {
  return card({
    title: s.announcementTitle(year),
    color: 'red',
    elements: [markdown(s.announcementIntro), ...stars.slice(0, MAX_ROWS).map((x) => markdown(s.announcementRow(md.user(x.branch), md.user(x.name)))), markdown(s.announcementOutro)],
  });
}
