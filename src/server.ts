// Web process entry: build the app, listen, and close gracefully on SIGTERM/SIGINT.
import { buildApp } from './app.js';
import { createDeps, createProcessLogger, loadConfigOrExit, onShutdown } from './runtime.js';

const config = loadConfigOrExit();
const logger = createProcessLogger(config, 'web');
const app = await buildApp(config, createDeps(config, 'producer', logger), { logger });
onShutdown(logger, () => app.close());
await app.listen({ port: config.http.port, host: config.http.host });
