// The running parts of the sandbox once the database is ready: the Feishu emulator with the page,
// the bot's web server (buildApp) and its workers (startWorkers), wired to each other.
import { buildApp } from '../app.js';
import type { Config } from '../config.js';
import { createPrisma } from '../db/prisma.js';
import { buildEmulator } from '../emulator/emulator.js';
import { EventInjector } from '../emulator/event-injector.js';
import { registerSandboxPage } from '../emulator/web/page-routes.js';
import type { Logger } from '../logger.js';
import { createEdgeServices } from '../pipeline/edge-services.js';
import { createDeps } from '../runtime.js';
import { startWorkers } from '../../workers/registry.js';
import { createPushPanel } from './push-panel.js';
import { loadRoster, syncDirectory, type Roster } from './roster.js';

export const BOT_NAME = '先锋清单助手';

export interface BotServicesOptions {
  config: Config;
  logger: Logger;
  botEnv: Record<string, string>;
  emulatorUrl: string;
  webUrl: string;
  health: Record<string, unknown>;
}

export interface RunningServices {
  /** Closes in order: workers, web server, emulator. */
  close(): Promise<void>;
}

/** Roster reads are cached briefly: the picker searches on every keystroke. */
function cachedRoster(load: () => Promise<Roster>, ttlMs = 2000): () => Promise<Roster> {
  let cached: { at: number; roster: Promise<Roster> } | undefined;
  return () => {
    if (!cached || Date.now() - cached.at > ttlMs) cached = { at: Date.now(), roster: load() };
    return cached.roster;
  };
}

export async function startBotServices(o: BotServicesOptions): Promise<RunningServices> {
  const { config, logger } = o;
  const closers: (() => Promise<unknown>)[] = [];
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      for (const c of [...closers].reverse()) await c().catch((err: unknown) => logger.error({ err, process: 'sandbox' }, 'close failed'));
    })());
  try {
    const rosterDb = createPrisma(config.databaseUrl, { poolSize: 2 });
    closers.push(() => rosterDb.$disconnect());
    const emulator = buildEmulator({ app: { appId: config.feishu.appId, appSecret: config.feishu.appSecret, botName: BOT_NAME } });
    closers.push(() => emulator.close());
    const control = emulator.emulator;
    const roster = cachedRoster(async () => {
      const r = await loadRoster(rosterDb);
      syncDirectory(control, r);
      return r;
    });
    await roster();
    const events = { appId: config.feishu.appId, tenantKey: control.app.tenantKey, verificationToken: config.feishu.verificationToken };
    const injector = new EventInjector({
      eventsUrl: `${o.webUrl}/feishu/events`,
      cardsUrl: `${o.webUrl}/feishu/cards`,
      encryptKey: config.feishu.encryptKey,
      emulator: control,
    });
    registerSandboxPage(emulator, {
      control,
      injector,
      events,
      people: async () => (await roster()).people,
      pushes: createPushPanel(config.timeZone, o.botEnv),
      health: o.health,
    });
    const emulatorPort = Number(new URL(o.emulatorUrl).port);
    await emulator.listen({ host: config.http.host, port: emulatorPort });

    const web = await buildApp(config, createDeps(config, 'producer', logger.child({ process: 'web' })), { logger: logger.child({ process: 'web' }) });
    closers.push(() => web.close());
    await web.listen({ host: config.http.host, port: config.http.port });

    const workerLogger = logger.child({ process: 'worker' });
    const workerDeps = createDeps(config, 'worker', workerLogger);
    const edge = createEdgeServices(config, workerDeps.db, { logger: workerLogger });
    closers.push(async () => {
      // Workers first: close() waits for the jobs they hold, so no send is cut in half.
      await workerDeps.queues.close();
      await edge.close();
      await workerDeps.db.$disconnect();
    });
    startWorkers({ ...workerDeps, config, logger: workerLogger, edge });
    return { close };
  } catch (err) {
    await close();
    throw err;
  }
}
