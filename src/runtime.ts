// Process plumbing shared by the web server and the workers: load config or exit with
// every problem listed, build the shared dependencies, and shut down in order on signals.
import { loadConfig, ConfigError, type Config } from './config.js';
import { createPrisma } from './db/prisma.js';
import { createQueueBackend, type ConnectionRole } from './jobs/queue-backend.js';
import { createLogger, type Logger } from './logger.js';
import type { AppDeps } from './plugins/infrastructure.js';

export function loadConfigOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every variable.\n`);
      process.exit(1);
    }
    throw err;
  }
}

export function createDeps(config: Config, role: ConnectionRole, logger: Logger): AppDeps {
  const db = createPrisma(config.databaseUrl, { poolSize: config.databasePoolSize });
  const queues = createQueueBackend({
    databaseUrl: config.databaseUrl,
    redisUrl: config.redisUrl,
    prefix: config.queuePrefix,
    role,
    onError: (err) => logger.warn({ err }, 'queue connection error'),
  });
  return { db, queues };
}

/** Runs `stop` once on SIGTERM/SIGINT; a second signal or a stuck stop forces the exit. */
export function onShutdown(logger: Logger, stop: () => Promise<void>, graceMs = 30_000): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took too long: exiting');
      process.exit(1);
    }, graceMs);
    force.unref();
    stop().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}

export function createProcessLogger(config: Config, name: string): Logger {
  return createLogger(config.logLevel).child({ process: name });
}
