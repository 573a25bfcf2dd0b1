// `npm run sandbox`: the whole bot on one machine against the built-in Feishu emulator, with a
// web page to use it. Ctrl-C stops everything, the embedded database included; failures print
// why and the command that fixes them, never a stack trace.
import { existsSync } from 'node:fs';
import { sandboxPaths } from '../sandbox/sandbox-home.js';
import { describeFailure } from '../sandbox/sandbox-error.js';
import { readSandboxSettings } from '../sandbox/sandbox-settings.js';
import { startSandbox, type RunningSandbox } from '../sandbox/start-sandbox.js';

const say = (line = '') => process.stdout.write(`${line}\n`);
let running: RunningSandbox | undefined;
let stopping = false;
let logFile: string | undefined;

async function shutdown(code: number): Promise<never> {
  if (stopping) process.exit(code);
  stopping = true;
  if (running) {
    say('\nStopping the sandbox…');
    // A stuck close must not keep the terminal: the next start recovers whatever is left.
    const force = setTimeout(() => {
      say('Stopping took too long: exiting (the next start cleans up).');
      process.exit(1);
    }, 30_000);
    force.unref();
    await running.stop();
    say('Stopped.');
  }
  process.exit(code);
}

function fail(err: unknown): void {
  process.stderr.write(`\n${describeFailure(err, logFile && existsSync(logFile) ? logFile : undefined)}\n`);
  void shutdown(1);
}

async function main(): Promise<void> {
  const settings = readSandboxSettings();
  logFile = sandboxPaths(settings.home).log;
  const started = performance.now();
  say('Starting the Vanguard sandbox…');
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));
  const outcome = await startSandbox(settings, say);
  if (outcome.kind === 'already-running') {
    say(`\nThe sandbox is already running at ${outcome.url}${outcome.pid ? ` (pid ${outcome.pid})` : ''}.`);
    say('Open that page, or stop the running one (Ctrl-C in its terminal) before starting another.');
    process.exit(0);
  }
  running = outcome;
  say(`\nReady in ${((performance.now() - started) / 1000).toFixed(1)} s: open ${outcome.url}`);
  say(`  bot web server ${outcome.webUrl} (POST /feishu/events, /feishu/cards) · log ${outcome.logFile}`);
  say('  Ctrl-C stops everything.');
}

process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
main().catch(fail);
