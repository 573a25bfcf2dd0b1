// Review cards for claims: the card a secretary (or admin) gets for a new claim, the same card once decided
// (patched into every reviewer's copy), what the member is told, and the 待审 list with batch approve.
import type { ClaimView } from '../../domain/claims/claims-repository.js';
import type { ClaimFacts } from '../claim-views.js';
import { t } from '../messages/index.js';
import { truncate } from '../text.js';
import { claimSummary } from './claim-cards.js';
import { button, buttonRow, card, divider, form, input, markdown, md, type Card, type CardElement } from './elements.js';

const r = t.claims.review;

export interface ClaimEvidenceSummary {
  count: number;
  /** Other claims that carry the same photo. */
  duplicateOfClaims: number[];
  /** Image keys the bot uploaded (cards show only the app's own images). */
  images: string[];
}

/** Photos shown on a review card; more are counted, not shown, to keep the card small. */
const SHOWN_PHOTOS = 3;

function photo(imgKey: string): CardElement {
  return { tag: 'img', img_key: imgKey, alt: { tag: 'plain_text', content: t.claims.fields.evidence }, preview: true, scale_type: 'fit_horizontal' };
}

export interface ClaimReviewSubject {
  claim: ClaimView;
  facts: ClaimFacts;
  memberName: string;
  branchName: string;
  evidence: ClaimEvidenceSummary;
}

function subjectElements(s: ClaimReviewSubject): CardElement[] {
  const photos = s.evidence.count === 0 ? r.noPhotos : r.photos(s.evidence.count);
  const elements = [markdown(md.user(r.from(s.memberName, s.branchName))), ...claimSummary(s.facts, [{ label: t.claims.fields.evidence, value: photos }])];
  elements.push(...s.evidence.images.slice(0, SHOWN_PHOTOS).map(photo));
  if (s.evidence.duplicateOfClaims.length > 0) elements.push(markdown(md.color(r.duplicatePhoto(s.evidence.duplicateOfClaims.map((id) => `#${id}`).join('、')), 'red')));
  return elements;
}

export function claimReviewCard(s: ClaimReviewSubject): Card {
  return card({
    title: r.title,
    subtitle: `#${s.claim.id}`,
    color: 'orange',
    summary: r.title,
    elements: [
      ...subjectElements(s),
      // A resubmission: the reviewer sees what was asked last time.
      ...(s.claim.revision > 1 && s.claim.reviewComment ? [markdown(md.user(r.resubmitted(s.claim.revision, s.claim.reviewComment)), { size: 'notation' })] : []),
      buttonRow([button({ label: r.approve, value: { a: 'claim.approve', c: s.claim.id }, style: 'primary_filled' })]),
      form({
        name: 'claim_return_form',
        submitLabel: r.returnSubmit,
        submitValue: { a: 'claim.return', c: s.claim.id },
        elements: [input({ name: 'reason', label: r.returnLabel, placeholder: r.returnPlaceholder, maxLength: 500 })],
      }),
    ],
  });
}

export type ClaimDecision = { kind: 'approved'; by: string; credited: string } | { kind: 'returned'; by: string } | { kind: 'withdrawn' };

export function claimDecidedCard(s: ClaimReviewSubject & { decision: ClaimDecision }): Card {
  const elements = subjectElements(s);
  const d = s.decision;
  if (d.kind === 'approved') {
    elements.push(markdown(md.bold(md.user(r.decided(r.approvedWord, d.by)))), markdown(r.credited(d.credited)));
  } else if (d.kind === 'returned') {
    if (s.claim.reviewComment) elements.push(markdown(`${t.claims.mine.reviewComment}：${md.user(s.claim.reviewComment)}`));
    elements.push(markdown(md.bold(md.user(r.decided(r.returnedWord, d.by)))));
  } else {
    elements.push(markdown(md.bold(r.withdrawnNote)));
  }
  return card({ title: r.title, subtitle: `#${s.claim.id}`, color: d.kind === 'approved' ? 'green' : 'grey', elements });
}

export function claimApprovedNoticeCard(f: ClaimFacts, o: { credited: string; capNote?: string }): Card {
  const told = t.claims.told;
  return card({
    title: told.approvedTitle,
    color: 'green',
    elements: [markdown(md.bold(told.approvedBody(o.credited))), ...(o.capNote ? [markdown(md.user(told.capExplained(o.capNote)))] : []), ...claimSummary(f)],
  });
}

export function claimReturnedNoticeCard(f: ClaimFacts, claim: ClaimView): Card {
  const told = t.claims.told;
  return card({
    title: told.returnedTitle,
    color: 'orange',
    elements: [
      markdown(md.user(told.returnedBody(claim.reviewComment ?? ''))),
      ...claimSummary(f),
      buttonRow([button({ label: told.resubmit, value: { a: 'claim.edit', c: claim.id }, style: 'primary' })]),
    ],
  });
}

export interface PendingClaimLine {
  claim: ClaimView;
  memberName: string;
  facts: ClaimFacts;
}

const LISTED = 10;

export function pendingClaimsCard(o: { claims: readonly PendingClaimLine[]; total: number; pendingPledges: number }): Card {
  const p = t.claims.pending;
  const elements: CardElement[] = [];
  if (o.claims.length === 0) elements.push(markdown(p.none));
  else elements.push(markdown(p.claimsHeading(o.total)));
  const shown = o.claims.slice(0, LISTED);
  for (const { claim, memberName, facts } of shown) {
    elements.push(markdown(md.user(p.item(memberName, facts.activityName, facts.date, facts.quantity, facts.points))));
    elements.push(markdown(`> ${md.user(truncate(facts.description, 80))}`, { size: 'notation' }));
    elements.push(
      buttonRow([
        button({ label: p.approve, value: { a: 'claim.approve.list', c: claim.id }, style: 'primary' }),
        button({ label: p.open, value: { a: 'claim.review.open', c: claim.id } }),
      ]),
    );
  }
  if (o.total > shown.length) elements.push(markdown(p.more(o.total - shown.length), { size: 'notation' }));
  if (shown.length > 1) {
    const ids = shown.map((l) => l.claim.id).join(',');
    elements.push(
      buttonRow([
        button({
          label: p.approveAll(shown.length),
          value: { a: 'claim.approve.batch', ids },
          style: 'primary_filled',
          confirm: { title: p.approveAll(shown.length), text: p.approveAllConfirm(shown.length) },
        }),
      ]),
    );
  }
  if (o.pendingPledges > 0) {
    elements.push(divider(), markdown(p.pledges(o.pendingPledges)), buttonRow([button({ label: p.openPledges, value: { a: 'cmd', cmd: 'pledge-pending' } })]));
  }
  return card({ title: p.title, color: 'orange', summary: p.title, elements });
}
