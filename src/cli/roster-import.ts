// `npm run roster:import -- FILE [--dry-run] [--deactivate-missing] [--committee NAME] [--offline]`: imports a
// roster CSV/XLSX, prints what changed (or would, or why nothing did) and exits 1 when the file is invalid.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createPrisma } from '../db/prisma.js';
import { importRoster } from '../domain/roster/roster-import-service.js';
import { renderReportForConsole } from '../domain/roster/render-report-console.js';
import { FeishuClient } from '../outbound/feishu-client.js';
import { requireDatabaseUrl, runCli } from './cli-support.js';

const USAGE = 'usage: npm run roster:import -- FILE [--dry-run] [--deactivate-missing] [--committee NAME] [--offline]';

// Only what resolving open_ids needs: an operator importing a roster has no webhook keys or admin token to hand.
const feishuEnv = z.object({
  FEISHU_APP_ID: z.string().trim().min(1).optional(),
  FEISHU_APP_SECRET: z.string().trim().min(1).optional(),
  FEISHU_DOMAIN: z.url({ protocol: /^https?$/ }).default('https://open.feishu.cn'),
  FEISHU_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
});

function feishuClient(env: NodeJS.ProcessEnv): FeishuClient | null {
  const parsed = feishuEnv.safeParse({ ...env, FEISHU_DOMAIN: env.FEISHU_DOMAIN || undefined });
  if (!parsed.success) throw new Error(`invalid Feishu settings: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  const { FEISHU_APP_ID: appId, FEISHU_APP_SECRET: appSecret, FEISHU_DOMAIN: domain, FEISHU_HTTP_TIMEOUT_MS: timeoutMs } = parsed.data;
  if (!appId || !appSecret) return null;
  return new FeishuClient({ appId, appSecret, domain: domain.replace(/\/+$/, ''), timeoutMs });
}

function parseCommandLine(argv: string[]) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        'deactivate-missing': { type: 'boolean', default: false },
        offline: { type: 'boolean', default: false },
        committee: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) return { help: true as const };
    if (positionals.length !== 1) throw new Error('give exactly one roster file');
    return { help: false as const, file: positionals[0] as string, values };
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
  }
}

await runCli(async () => {
  const args = parseCommandLine(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const bytes = await readFile(args.file).catch((e: NodeJS.ErrnoException) => {
    throw new Error(`cannot read ${args.file}: ${e.code ?? e.message}`);
  });
  const feishu = args.values.offline ? null : feishuClient(process.env);
  const db = createPrisma(requireDatabaseUrl(), { poolSize: 2 });
  try {
    const report = await importRoster({
      db,
      feishu,
      file: { name: basename(args.file), bytes },
      options: {
        dryRun: args.values['dry-run'],
        deactivateMissing: args.values['deactivate-missing'],
        offline: args.values.offline,
        ...(args.values.committee !== undefined ? { committee: args.values.committee } : {}),
        source: 'cli',
      },
    });
    process.stdout.write(renderReportForConsole(report));
    if (report.outcome === 'invalid') process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
});
