// The bot-files job: Feishu uploads and downloads never run inside a handler, so the evaluation template,
// the evaluation upload, the Excel export and the 党员之星 announcement run here, after the event.
//
// Exactly once: what a job sends has a business key derived from the inbound event (the announcement:
// from the year and the recipient), so a retried job uploads again at worst but sends one message.
import { cardTo, fileTo, type OutgoingMessage } from '../bot/reply.js';
import { evaluationNoticeCard, evaluationRejectedCard } from '../bot/cards/evaluation-cards.js';
import { starsAnnouncementCard } from '../bot/cards/stars-cards.js';
import { branchEvaluationCardFor, scorableMembers } from '../bot/evaluation-views.js';
import { t } from '../bot/messages/index.js';
import type { Db } from '../db/prisma.js';
import type { MemberActor } from '../domain/access/actor.js';
import { DomainError, isDomainError } from '../domain/errors.js';
import { evaluationsOf, yearStatus } from '../domain/evaluation/evaluation-repository.js';
import { localDateOf } from '../domain/periods/zoned-time.js';
import { toHundredthsFromDb } from '../domain/shared/db.js';
import { createDomainServices, type DomainServices } from '../domain/services.js';
import { buildEvaluationTemplate, parseEvaluationUpload } from '../exports/evaluation-template.js';
import { buildExport } from '../exports/export-service.js';
import { botFileJobSchema, type BotFileJob } from '../jobs/contracts.js';
import type { QueueBackend } from '../jobs/queue-backend.js';
import { FeishuApiError } from '../outbound/errors.js';
import type { FeishuClient } from '../outbound/feishu-client.js';
import { enqueueOutgoing, enqueueSends, writeOutbox, type OutboundItem } from './outbox.js';

export interface BotFilesDeps {
  db: Db;
  queues: QueueBackend;
  feishu: Pick<FeishuClient, 'uploadFile' | 'downloadResource'>;
  timeZone: string;
  now?: () => Date;
}

type PersonJob = Exclude<BotFileJob, { kind: 'stars-announce' }>;
const e = t.evaluation;

export async function runBotFileJob(deps: BotFilesDeps, data: unknown): Promise<string> {
  const job = botFileJobSchema.parse(data);
  if (job.kind === 'stars-announce') return announceStars(deps, job);
  const actor = await personOf(deps.db, job.actorMemberId);
  const target = { to: job.receiver.type, id: job.receiver.id } as const;
  const send = (messages: OutgoingMessage[], suffix: string) => enqueueOutgoing(deps, messages, { businessKeyPrefix: `${job.key}:${suffix}` });
  if (!actor) return 'no-actor';
  const domain = createDomainServices({ db: deps.db, clock: { now: deps.now ?? (() => new Date()) }, timeZone: deps.timeZone });
  try {
    if (job.kind === 'evaluation-template') await sendTemplate(deps, actor, job, send);
    else if (job.kind === 'export') await sendExport(deps, domain, actor, job, send);
    else await importUpload(deps, domain, actor, job, send);
    return job.kind;
  } catch (err) {
    if (!isDomainError(err, 'ACTOR_NOT_ALLOWED')) throw err;
    await send([cardTo(target, evaluationNoticeCard(e.rejectedTitle, t.common.errors.forbidden))], 'refused');
    return 'refused';
  }
}

async function personOf(db: Db, memberId: number): Promise<(MemberActor & { openId: string | null }) | undefined> {
  const row = await db.member.findUnique({ where: { id: memberId }, select: { id: true, role: true, branchId: true, status: true, openId: true } });
  return row && row.status !== 'INACTIVE' ? { memberId: row.id, role: row.role, branchId: row.branchId, openId: row.openId } : undefined;
}

type Send = (messages: OutgoingMessage[], suffix: string) => Promise<string[]>;
const targetOf = (job: PersonJob) => ({ to: job.receiver.type, id: job.receiver.id }) as const;

async function sendFile(deps: BotFilesDeps, job: PersonJob, bytes: Buffer, fileName: string, send: Send): Promise<void> {
  const fileKey = await deps.feishu.uploadFile({ file: bytes, fileName, fileType: 'xls' });
  await send([fileTo(targetOf(job), fileKey)], 'file');
}

async function sendTemplate(deps: BotFilesDeps, actor: MemberActor, job: Extract<BotFileJob, { kind: 'evaluation-template' }>, send: Send): Promise<void> {
  if (actor.role === 'MEMBER' || (actor.role === 'SECRETARY' && job.branchId !== actor.branchId)) throw new DomainError('ACTOR_NOT_ALLOWED', 'may not use evaluation files', { action: job.kind });
  const members = await scorableMembers(deps.db, actor, job.branchId);
  const stored = new Map((await deps.db.annualEvaluation.findMany({ where: { year: job.year, memberId: { in: members.map((m) => m.id) } } })).map((r) => [r.memberId, r]));
  const hundredths = (v: Parameters<typeof toHundredthsFromDb>[0] | null | undefined) => (v === null || v === undefined ? null : toHundredthsFromDb(v));
  const rows = members.map((m) => {
    const s = stored.get(m.id);
    return {
      employeeNo: m.employeeNo, name: m.name, branch: m.branch.name,
      scores: { democratic: hundredths(s?.democraticScore), mass: hundredths(s?.massScore), political: hundredths(s?.politicalScore), jobSkill: hundredths(s?.jobSkillScore), performance: hundredths(s?.performanceScore) },
    };
  });
  const branchName = job.branchId === undefined ? e.sheet.all : (members[0]?.branch.name ?? e.sheet.all);
  await sendFile(deps, job, await buildEvaluationTemplate(job.year, rows), e.sheet.fileName(job.year, branchName), send);
}

async function sendExport(deps: BotFilesDeps, domain: DomainServices, actor: MemberActor, job: Extract<BotFileJob, { kind: 'export' }>, send: Send): Promise<void> {
  const built = await buildExport({ db: deps.db, domain, timeZone: deps.timeZone, now: deps.now ?? (() => new Date()) }, actor, { year: job.year, ...(job.branchId === undefined ? {} : { branchId: job.branchId }) });
  await sendFile(deps, job, built.bytes, built.fileName, send);
}

async function importUpload(deps: BotFilesDeps, domain: DomainServices, actor: MemberActor, job: Extract<BotFileJob, { kind: 'evaluation-upload' }>, send: Send): Promise<void> {
  const target = targetOf(job);
  const reject = (issues: { row?: number; text: string }[]) => send([cardTo(target, evaluationRejectedCard(issues))], 'evaluation-report');
  if (actor.role === 'MEMBER') throw new DomainError('ACTOR_NOT_ALLOWED', 'may not use evaluation files', { action: job.kind });
  let bytes: Buffer;
  try {
    bytes = (await deps.feishu.downloadResource(job.messageId, job.fileKey, 'file')).data;
  } catch (err) {
    // Permanent (the file is gone, or not the bot's to read): say so; anything else is retried by BullMQ.
    if (err instanceof FeishuApiError && err.kind === 'permanent') return void (await reject([{ text: e.downloadFailed }]));
    throw err;
  }
  const members = await scorableMembers(deps.db, actor);
  const byEmployee = new Map(members.map((m) => [m.employeeNo, m]));
  const parsed = await parseEvaluationUpload(bytes, new Set(byEmployee.keys()));
  if (parsed.kind === 'wrong-template') return void (await reject([{ text: e.wrongTemplate }]));
  if (parsed.issues.length > 0) return void (await reject([...parsed.issues]));
  const year = parsed.year ?? Number(localDateOf((deps.now ?? (() => new Date()))(), deps.timeZone).slice(0, 4));
  if ((await yearStatus(deps.db, year)) === 'FINALIZED') return void (await reject([{ text: e.yearFinalised(year) }]));
  // The template comes pre-filled: rows sent back unchanged are not entered again (nor audited again).
  const stored = new Map((await evaluationsOf(deps.db, year)).map((r) => [r.memberId, r]));
  const changed = parsed.rows.filter((row) => {
    const before = stored.get(byEmployee.get(row.employeeNo)!.id);
    return !before || Object.entries(row.scores).some(([field, value]) => before[field as keyof typeof row.scores] !== value);
  });
  // All rows or none: one transaction, in which each row is entered by the same service as the card form.
  await deps.db.$transaction(async (tx) => {
    const inTx = createDomainServices({ db: tx, clock: { now: deps.now ?? (() => new Date()) }, timeZone: deps.timeZone });
    for (const row of changed) {
      const member = byEmployee.get(row.employeeNo)!;
      await inTx.evaluation.enterScores(actor, { memberId: member.id, year, ...row.scores });
    }
  }, { timeout: 60_000 });
  const branchIds = [...new Set(parsed.rows.map((r) => byEmployee.get(r.employeeNo)!.branchId))].sort((a, b) => a - b);
  const cards = [cardTo(target, evaluationNoticeCard(e.importedTitle, e.imported(changed.length), 'green'))];
  for (const branchId of branchIds.slice(0, 5)) cards.push(cardTo(target, await branchEvaluationCardFor({ db: deps.db, domain }, actor, branchId, year)));
  await send(cards, 'evaluation-report');
}

async function announceStars(deps: BotFilesDeps, job: Extract<BotFileJob, { kind: 'stars-announce' }>): Promise<string> {
  const stars = await deps.db.star.findMany({
    where: { periodKey: String(job.year), memberId: { in: job.memberIds } },
    include: { member: { select: { name: true } }, branch: { select: { name: true, sortOrder: true } } },
  });
  // The confirming event's transaction may not have committed yet: retry (BullMQ backoff) until it has.
  if (stars.length < job.memberIds.length) throw new Error('confirmed stars not visible yet');
  stars.sort((a, b) => a.branch.sortOrder - b.branch.sortOrder || a.branchId - b.branchId || a.memberId - b.memberId);
  const announcement = starsAnnouncementCard(job.year, stars.map((s) => ({ branch: s.branch.name, name: s.member.name })));
  const members = await deps.db.member.findMany({ where: { status: { not: 'INACTIVE' }, openId: { not: null } }, select: { id: true, openId: true }, orderBy: { id: 'asc' } });
  const groups = await deps.db.branchGroupChat.findMany({ where: { unboundAt: null }, select: { chatId: true }, orderBy: { id: 'asc' } });
  // Keys by year and recipient: a second confirmation, or a re-run, announces to nobody twice.
  const items: OutboundItem[] = [
    ...members.map((m) => ({ businessKey: `stars:${job.year}:announce:member:${m.id}`, message: cardTo({ to: 'open_id', id: m.openId! }, announcement) })),
    ...groups.map((g) => ({ businessKey: `stars:${job.year}:announce:chat:${g.chatId}`, message: cardTo({ to: 'chat_id', id: g.chatId }, announcement) })),
  ];
  await writeOutbox(deps.db, items, 'bulk');
  await enqueueSends(deps.queues, items.map((i) => i.businessKey), 'bulk');
  return 'announced';
}
