// The monthly public notice (公示): a branch's ranking for a month, posted once to the branch's bound group,
// open to objections until a deadline (setting `notice.objectionDays`), each objection routed to the
// branch's secretaries.
//
// Why a unique (branch, month) row claimed before anything is sent: posting the same month twice (a
// second click, the scheduled push and a secretary together) posts once.
import { assertManagesBranch, isMemberActor, requirePerson, type ServiceActor } from '../access/actor.js';
import { writeAudit } from '../audit/audit-repository.js';
import { DomainError } from '../errors.js';
import { formatPeriodKey, parsePeriodKey } from '../periods/period-key.js';
import { createRulesService, type RulesService } from '../rules/rules-service.js';
import { createScoreService, type BranchBoard } from '../scoring/score-service.js';
import { readSetting } from '../settings/settings-repository.js';
import { requireIdempotencyKey, requireText } from '../shared/input.js';
import { transact, type ServiceDeps } from '../shared/db.js';

export interface PublicNoticeView {
  readonly id: number;
  readonly branchId: number;
  readonly branchName: string;
  readonly periodKey: string;
  readonly chatId: string;
  readonly objectionDeadline: Date;
}

export interface NoticeObjectionView {
  readonly id: number;
  readonly noticeId: number;
  readonly memberId: number;
  readonly text: string;
}

export interface PublicNoticeService {
  /**
   * Claims the (branch, month) notice; `created: false` when it was posted before (send nothing then). The
   * branch's secretary, an admin, or the SYSTEM (the scheduled monthly push) may post.
   */
  post(actor: ServiceActor, input: { branchId: number; periodKey: string }): Promise<{ notice: PublicNoticeView; board: BranchBoard; created: boolean }>;
  get(noticeId: number): Promise<PublicNoticeView>;
  /** A member of the branch (or an admin), before the deadline: OBJECTION_WINDOW_CLOSED after it. */
  object(actor: ServiceActor, input: { noticeId: number; text: string; idempotencyKey: string }): Promise<{ objection: NoticeObjectionView; created: boolean }>;
  /** After the fact: the board the notice showed (anonymised never: a 公示 is public inside the branch). */
  board(noticeId: number): Promise<BranchBoard>;
}

export function createPublicNoticeService(deps: ServiceDeps & { readonly rules?: RulesService }): PublicNoticeService {
  const { db } = deps;
  const rules = deps.rules ?? createRulesService({ db, clock: deps.clock });
  const scores = createScoreService({ ...deps, rules });

  async function get(noticeId: number): Promise<PublicNoticeView> {
    const row = await db.publicNotice.findUnique({ where: { id: noticeId }, include: { branch: { select: { name: true } } } });
    if (!row) throw new DomainError('NOT_FOUND', 'no such public notice', { noticeId });
    return { id: row.id, branchId: row.branchId, branchName: row.branch.name, periodKey: row.periodKey, chatId: row.chatId, objectionDeadline: row.objectionDeadline };
  }

  // Ranked by the month's points; the SYSTEM reads the board so names show (the notice is the point).
  const boardOf = (branchId: number, periodKey: string) => scores.branchBoard({ role: 'SYSTEM' }, branchId, periodKey, { rankBy: 'movement' });

  return {
    async post(actor, input) {
      const person = isMemberActor(actor) ? assertManagesBranch(actor, input.branchId, 'post a public notice') : null;
      const period = parsePeriodKey(input.periodKey);
      if (period.kind !== 'month') throw new DomainError('INVALID_PERIOD', 'a public notice is monthly', { periodKey: input.periodKey });
      const periodKey = formatPeriodKey(period);
      const chat = await db.branchGroupChat.findFirst({ where: { branchId: input.branchId, unboundAt: null }, orderBy: { id: 'asc' } });
      if (!chat) throw new DomainError('NOT_FOUND', 'the branch has no bound group chat', { branchId: input.branchId, reason: 'no-group' });
      const board = await boardOf(input.branchId, periodKey);
      const now = deps.clock.now();
      const days = await readSetting(db, 'notice.objectionDays');
      const { id, created } = await transact(db, async (tx) => {
        const inserted = await tx.publicNotice.createMany({
          data: [{ branchId: input.branchId, periodKey, chatId: chat.chatId, objectionDeadline: new Date(now.getTime() + days * 86_400_000), postedAt: now, createdAt: now }],
          skipDuplicates: true,
        });
        const row = await tx.publicNotice.findUniqueOrThrow({ where: { branchId_periodKey: { branchId: input.branchId, periodKey } } });
        if (inserted.count === 1) {
          await writeAudit(tx, { actorId: person?.memberId ?? null, action: 'public-notice.post', targetType: 'public_notice', targetId: row.id, branchId: input.branchId, after: { periodKey, chatId: chat.chatId }, at: now });
        }
        return { id: row.id, created: inserted.count === 1 };
      });
      return { notice: await get(id), board, created };
    },

    get,

    async object(actor, input) {
      const notice = await get(input.noticeId);
      const person = requirePerson(actor, 'object to a public notice');
      if (person.role !== 'ADMIN' && person.branchId !== notice.branchId) {
        throw new DomainError('ACTOR_NOT_ALLOWED', 'only the branch may object to its notice', { noticeId: notice.id });
      }
      const key = requireIdempotencyKey(input.idempotencyKey);
      const existing = await db.noticeObjection.findUnique({ where: { idempotencyKey: key } });
      if (existing) return { objection: { id: existing.id, noticeId: existing.noticeId, memberId: existing.memberId, text: existing.text }, created: false };
      const now = deps.clock.now();
      if (now > notice.objectionDeadline) {
        throw new DomainError('OBJECTION_WINDOW_CLOSED', 'the notice is closed to objections', { noticeId: notice.id, deadline: notice.objectionDeadline.toISOString() });
      }
      const text = requireText(input.text, 'text', 500);
      const row = await db.noticeObjection.create({ data: { noticeId: notice.id, memberId: person.memberId, text, idempotencyKey: key, createdAt: now } });
      return { objection: { id: row.id, noticeId: row.noticeId, memberId: row.memberId, text: row.text }, created: true };
    },

    async board(noticeId) {
      const notice = await get(noticeId);
      return boardOf(notice.branchId, notice.periodKey);
    },
  };
}
