// `npm run push -- <kind> --period <p> [--only-without-record] [--stale-days N] [--wait]`: runs a scheduled push now.
// The fan-out happens here (deliveries and outbox rows written, sends queued); the workers send
// and report to the admins when done. For a period already pushed it sends nothing new and says
// what was sent.
import { parseArgs } from 'node:util';
import { setTimeout as delay } from 'node:timers/promises';
import { loadConfig } from '../config.js';
import { createPrisma } from '../db/prisma.js';
import { createQueueBackend } from '../jobs/queue-backend.js';
import { fanOut, openCampaign, syncProgress, type CampaignProgress } from '../pushes/campaigns.js';
import { requestCampaign } from '../pushes/push-jobs.js';
import { checkPushPeriod, isPushKind, PUSH_KINDS } from '../pushes/push-kinds.js';
import { runCli } from './cli-support.js';

const USAGE = `usage: npm run push -- <kind> --period <period> [--only-without-record] [--stale-days N] [--wait]
kinds: ${PUSH_KINDS.join(', ')}
periods: 2026-11 (month), 2026-Q4 (quarter), 2026 (year), 2026-11-28 (day, stale-reviews)`;

const describe = (p: CampaignProgress) => `${p.total} recipients: ${p.sent} sent, ${p.pending} pending, ${p.failed} failed, ${p.skipped} skipped`;

function parseCommandLine(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      period: { type: 'string' },
      'only-without-record': { type: 'boolean', default: false },
      'stale-days': { type: 'string' },
      wait: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return undefined;
  const [kind] = positionals;
  if (positionals.length !== 1 || !kind || !isPushKind(kind)) throw new Error(`unknown or missing kind\n${USAGE}`);
  const checked = checkPushPeriod(kind, values.period ?? '');
  if (!checked.ok) throw new Error(`${kind} needs a ${checked.expected} period (got "${values.period ?? ''}")\n${USAGE}`);
  const staleDays = values['stale-days'] === undefined ? undefined : Number(values['stale-days']);
  if (staleDays !== undefined && !(Number.isInteger(staleDays) && staleDays >= 1 && staleDays <= 90)) throw new Error(`--stale-days takes 1-90\n${USAGE}`);
  return { kind, period: checked.period, onlyWithoutVanguard: values['only-without-record'], staleDays, wait: values.wait };
}

await runCli(async () => {
  let args: ReturnType<typeof parseCommandLine>;
  try {
    args = parseCommandLine(process.argv.slice(2));
  } catch (err) {
    throw new Error(err instanceof Error && err.message.includes('usage:') ? err.message : `${String(err)}\n${USAGE}`);
  }
  if (!args) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig(process.env);
  const db = createPrisma(config.databaseUrl, { poolSize: 4 });
  const queues = createQueueBackend({ databaseUrl: config.databaseUrl, redisUrl: config.redisUrl, prefix: config.queuePrefix, role: 'worker' });
  try {
    const request = {
      kind: args.kind,
      period: args.period,
      trigger: 'MANUAL' as const,
      ...(args.onlyWithoutVanguard || args.staleDays
        ? { options: { ...(args.onlyWithoutVanguard ? { onlyWithoutVanguard: true } : {}), ...(args.staleDays ? { staleDays: args.staleDays } : {}) } }
        : {}),
    };
    const { campaign } = await openCampaign(db, request);
    if (campaign.status !== 'PENDING') {
      console.log(`${args.kind} ${args.period} was already pushed (${campaign.status.toLowerCase()}); nothing new sent.`);
      console.log(describe(await syncProgress(db, campaign.id)));
      return;
    }
    const progress = await fanOut({ db, queues, timeZone: config.timeZone }, args.kind, campaign);
    // The campaign job follows the sends and sends the admins' summary.
    await requestCampaign(queues, request);
    console.log(`${args.kind} ${args.period} queued: ${describe(progress)}`);
    if (!args.wait) return;
    for (let p = progress; p.pending > 0; p = await syncProgress(db, campaign.id)) await delay(1000);
    console.log(`done: ${describe(await syncProgress(db, campaign.id))}`);
  } finally {
    await queues.close();
    await db.$disconnect();
  }
});
