// Attaches a photo (image key and SHA-256 of its bytes) to a member's claim, flagging a photo already
// used on another claim so the reviewer sees it.
//
// Why the hash and not the image key: Feishu gives every upload a new key, so the same picture sent
// twice only matches by content. Attaching is idempotent per (message, image) and per (claim, hash):
// a re-delivered message or the same photo sent twice to one claim is stored once.
import type { ClaimEvidence } from '../../generated/prisma/client.js';
import { DomainError } from '../errors.js';
import { assertOwner, requirePerson, type ServiceActor } from '../access/actor.js';
import { readSetting } from '../settings/settings-repository.js';
import { requireText } from '../shared/input.js';
import type { ServiceDeps } from '../shared/db.js';

export interface EvidenceInput {
  /** The claim to attach to; when absent, the member's latest open claim made within the attach window. */
  readonly claimId?: number;
  readonly imageKey: string;
  /** Lower-case hex SHA-256 of the image bytes. */
  readonly contentHash: string;
  /** The Feishu message that carried the photo. */
  readonly messageId: string;
}

export interface AttachedEvidence {
  readonly id: number;
  readonly claimId: number;
  readonly imageKey: string;
  /** The first evidence with the same content on another claim, when there is one. */
  readonly duplicateOf?: { readonly evidenceId: number; readonly claimId: number };
  readonly created: boolean;
}

export interface EvidenceService {
  attach(actor: ServiceActor, input: EvidenceInput): Promise<AttachedEvidence>;
}

const OPEN_STATUSES = ['DRAFT', 'PENDING', 'RETURNED'] as const;

export function createEvidenceService(deps: ServiceDeps): EvidenceService {
  const { db } = deps;

  async function targetClaim(actor: ServiceActor, claimId: number | undefined) {
    const person = requirePerson(actor, 'attach evidence');
    if (claimId === undefined) {
      const minutes = await readSetting(db, 'evidence.attachWindowMinutes');
      const since = new Date(deps.clock.now().getTime() - minutes * 60_000);
      const latest = await db.claim.findFirst({
        where: { memberId: person.memberId, status: { in: [...OPEN_STATUSES] }, createdAt: { gte: since } },
        orderBy: { id: 'desc' },
      });
      if (!latest) throw new DomainError('NOT_FOUND', 'no recent claim to attach the photo to', { minutes });
      return latest;
    }
    const claim = await db.claim.findUnique({ where: { id: claimId } });
    if (!claim) throw new DomainError('NOT_FOUND', 'no such claim', { claimId });
    assertOwner(actor, claim.memberId, 'attach evidence');
    if (!(OPEN_STATUSES as readonly string[]).includes(claim.status)) {
      throw new DomainError('INVALID_TRANSITION', 'evidence attaches to claims still under review', { claimId, status: claim.status.toLowerCase() });
    }
    return claim;
  }

  function view(row: ClaimEvidence, duplicate: ClaimEvidence | null, created: boolean): AttachedEvidence {
    return {
      id: row.id,
      claimId: row.claimId,
      imageKey: row.imageKey,
      ...(duplicate ? { duplicateOf: { evidenceId: duplicate.id, claimId: duplicate.claimId } } : {}),
      created,
    };
  }

  return {
    async attach(actor, input) {
      const contentHash = input.contentHash.toLowerCase();
      if (!/^[0-9a-f]{64}$/.test(contentHash)) throw new DomainError('INVALID_INPUT', 'contentHash must be a hex SHA-256', { field: 'contentHash' });
      const imageKey = requireText(input.imageKey, 'imageKey', 200);
      const messageId = requireText(input.messageId, 'messageId', 200);
      const claim = await targetClaim(actor, input.claimId);
      const duplicate = await db.claimEvidence.findFirst({ where: { contentHash, claimId: { not: claim.id } }, orderBy: { id: 'asc' } });
      const [row] = await db.claimEvidence.createManyAndReturn({
        data: [{ claimId: claim.id, imageKey, contentHash, messageId, duplicateOfId: duplicate?.id ?? null, createdAt: deps.clock.now() }],
        skipDuplicates: true,
      });
      if (row) return view(row, duplicate, true);
      const existing = await db.claimEvidence.findFirst({
        where: { OR: [{ messageId, imageKey }, { claimId: claim.id, contentHash }] },
        orderBy: { id: 'asc' },
      });
      if (!existing) throw new Error('evidence insert skipped without an existing row');
      const original = existing.duplicateOfId === null ? null : await db.claimEvidence.findUnique({ where: { id: existing.duplicateOfId } });
      return view(existing, original, false);
    },
  };
}
