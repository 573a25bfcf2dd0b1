// `npm run sandbox`: the whole bot on one machine against the built-in Feishu emulator, with a
// web page to use it. Ctrl-C stops everything, the embedded database included; failures print
// why and the command that fixes them, never a stack trace.
import { existsSync } from 'node:fs';
import { sandboxPaths } from '../sandbox/sandbox-home.js';
import { describeFailure } from '../sandbox/sandbox-error.js';
import { readSandboxSettings } from '../sandbox/sandbox-settings.js';
import { StartAborted, startSandbox, type RunningSandbox } from '../sandbox/start-sandbox.js';

const say = (line = '') => process.stdout.write(`${line}\n`);
const starting = new AbortController();
let running: RunningSandbox | undefined;
let firstSignalAt = 0;
let logFile: string | undefined;

async function shutdown(code: number): Promise<void> {
  if (!running) {
    // Still starting: the step under way finishes, then main() stops what started.
    say('\nStopping once the current step is done…');
    starting.abort();
    return;
  }
  say('\nStopping the sandbox…');
  // A stuck close must not keep the terminal: the next start recovers whatever is left.
  const force = setTimeout(() => {
    say('Stopping took too long: exiting (the next start cleans up).');
    process.exit(1);
  }, 30_000);
  force.unref();
  await running.stop();
  say('Stopped.');
  process.exit(code);
}

function onSignal(): void {
  const now = Date.now();
  if (firstSignalAt === 0) {
    firstSignalAt = now;
    void shutdown(0);
    return;
  }
  // npm and tsx pass the terminal's Ctrl-C on as well, so one key press can arrive two or three
  // times at once; only a later press means "exit now".
  if (now - firstSignalAt < 1500) return;
  say('Exiting now (the next start cleans up what is left).');
  process.exit(1);
}

function fail(err: unknown): void {
  if (err instanceof StartAborted) {
    say('Stopped.');
    process.exit(0);
  }
  process.stderr.write(`\n${describeFailure(err, logFile && existsSync(logFile) ? logFile : undefined)}\n`);
  // Failing after start (startSandbox cleans up its own failures): stop what runs, then exit.
  const stopping = running ? running.stop() : Promise.resolve();
  running = undefined;
  void stopping.finally(() => process.exit(1));
}

async function main(): Promise<void> {
  const settings = readSandboxSettings();
  logFile = sandboxPaths(settings.home).log;
  const started = performance.now();
  say('Starting the Vanguard sandbox…');
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  const outcome = await startSandbox(settings, say, starting.signal);
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
