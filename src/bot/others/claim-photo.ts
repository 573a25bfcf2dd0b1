// A photo a member sends within the attach window after submitting a claim becomes the claim's evidence.
// Tried after the pledge-progress handler (a photo right after a progress note belongs to that note). The
// claim is chosen now, when the photo arrives; the download and the content hash (which is what spots
// the same picture on another claim, since every upload gets a new key) happen in a job, which answers.
import { readSetting } from '../../domain/settings/settings-repository.js';
import { lookupActor } from '../actor.js';
import type { BotInput } from '../bot-input.js';
import { noticeCard } from '../cards/claim-cards.js';
import { inactiveCard, notInRosterCard } from '../cards/notice-cards.js';
import { t } from '../messages/index.js';
import { cardTo, type OutgoingMessage } from '../reply.js';
import type { RouterDeps } from '../router.js';

const OPEN = ['DRAFT', 'PENDING', 'RETURNED'] as const;

/** The member's latest claim still under review and submitted (or resubmitted) since `since`, with when. */
async function recentClaim(services: RouterDeps['services'], memberId: number, since: Date) {
  const row = await services.db.claim.findFirst({
    where: { memberId, status: { in: [...OPEN] }, OR: [{ createdAt: { gte: since } }, { submittedAt: { gte: since } }] },
    orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
    select: { id: true, createdAt: true, submittedAt: true },
  });
  return row ? { id: row.id, at: Math.max(row.createdAt.getTime(), row.submittedAt?.getTime() ?? 0) } : undefined;
}

/**
 * Whether a claim came after the member's latest pledge progress note within the window: the photo then
 * belongs to the claim, and the progress handler (tried first) leaves it.
 */
export async function claimIsNewerThanProgress(services: RouterDeps['services'], memberId: number, withinMinutes: number): Promise<boolean> {
  const since = new Date(services.now().getTime() - withinMinutes * 60_000);
  const claim = await recentClaim(services, memberId, since);
  if (!claim) return false;
  const note = await services.db.pledgeProgress.findFirst({ where: { pledge: { memberId }, createdAt: { gte: since } }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } });
  return !note || claim.at > note.createdAt.getTime();
}

export async function attachClaimPhoto(input: BotInput, deps: RouterDeps): Promise<OutgoingMessage[] | undefined> {
  if (input.kind !== 'image' || input.chatType !== 'p2p') return undefined;
  const reply = { to: 'message' as const, messageId: input.messageId };
  const { services } = deps;
  const found = await lookupActor(services.directory, input.openId);
  // Nothing is stored for people outside the roster or deactivated: they are only told why.
  if (found.kind === 'unknown') return [cardTo(reply, notInRosterCard())];
  if (found.kind === 'inactive') return [cardTo(reply, inactiveCard())];
  const minutes = await readSetting(services.db, 'evidence.attachWindowMinutes');
  const since = new Date(services.now().getTime() - minutes * 60_000);
  // A resubmitted claim counts from its resubmission, a new one from its creation.
  const claim = await recentClaim(services, found.actor.memberId, since);
  if (!claim) return [cardTo(reply, noticeCard(t.claims.photo.noClaimTitle, t.claims.photo.noClaim(minutes)))];
  await services.jobs.evidencePhoto({ key: input.key, messageId: input.messageId, imageKey: input.imageKey, claimId: claim.id, memberId: found.actor.memberId });
  return [];
}
