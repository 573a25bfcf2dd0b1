// Loads Prisma's schema engine compiled to WebAssembly, so migrations can be created and
// applied on machines that cannot download Prisma's native engine (intranets, CI here).
// The wasm module is instantiated by hand instead of through an ES-module wasm import, which
// would need Node's --experimental-wasm-modules flag.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  ColumnTypeEnum,
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { parseIntoClientConfig } from 'pg-connection-string';

type WasmExports = Record<string, unknown>;
type EngineModule = typeof import('@prisma/schema-engine-wasm') & {
  __wbg_set_wasm(exports: WasmExports): void;
};
// Node has WebAssembly at runtime; @types/node does not declare it without the DOM lib.
const { WebAssembly: wasmApi } = globalThis as unknown as {
  WebAssembly: {
    instantiate(bytes: Uint8Array, imports: Record<string, unknown>): Promise<{ instance: { exports: WasmExports } }>;
  };
};

let modulePromise: Promise<EngineModule> | undefined;

async function loadEngineModule(): Promise<EngineModule> {
  // The engine reports panics through this global; without it a panic's message is lost.
  const registry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
  registry.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message: (message: string) => {
      process.stderr.write(`Prisma schema engine panicked: ${message}\n`);
    },
  };
  const bindings = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as EngineModule;
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasmPath = join(dirname(entry), 'schema_engine_bg.wasm');
  const bytes = await readFile(wasmPath);
  const { instance } = await wasmApi.instantiate(bytes, { './schema_engine_bg.js': bindings });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings;
}

/**
 * The pg adapter factory, with a shadow database that works: adapter-pg 7.10 drops the
 * shadow database while its own pool still holds connections to it (so the drop fails),
 * and lets a `connectionString` override the shadow `database` (so it diffs against the
 * real database). Here the URL is split into fields and the pool is closed before the drop.
 */
class ShadowSafePg implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres' as const;
  readonly adapterName = '@prisma/adapter-pg';
  private readonly config: pg.ClientConfig;

  constructor(databaseUrl: string) {
    this.config = parseIntoClientConfig(databaseUrl) as pg.ClientConfig;
  }

  private readonly opened: SqlDriverAdapter[] = [];

  async connect(): Promise<SqlDriverAdapter> {
    const adapter = patchAdapterForEngine(await new PrismaPg(this.config as pg.PoolConfig).connect());
    this.opened.push(adapter);
    return adapter;
  }

  /** The engine does not dispose what it connected; without this its pool keeps the database busy. */
  async disposeAll(): Promise<void> {
    await Promise.allSettled(this.opened.splice(0).map((adapter) => adapter.dispose()));
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const name = `prisma_shadow_${randomUUID().replaceAll('-', '')}`;
    await this.admin(`CREATE DATABASE "${name}"`);
    const adapter = patchAdapterForEngine(await new PrismaPg({ ...this.config, database: name } as pg.PoolConfig).connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await this.admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    };
    return adapter;
  }

  private async admin(sql: string): Promise<void> {
    const client = new pg.Client(this.config);
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}

/**
 * adapter-pg 7.10 runs a migration script by splitting it on every `;`, which breaks
 * PL/pgSQL bodies (`$$ … ; … $$`) in our raw-SQL invariants. The native engine sends the
 * script whole; so do we: one simple-protocol query, which PostgreSQL runs as one transaction.
 */
function wholeScripts(queryable: object): void {
  const target = queryable as { executeScript?: (script: string) => Promise<void>; underlyingDriver?: () => pg.Pool };
  const pool = target.underlyingDriver?.();
  if (!target.executeScript || !pool) return;
  const original = target.executeScript.bind(target);
  target.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch {
      // Re-run through the adapter so the engine receives the error in the shape it expects.
      await original(script);
    }
  };
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
type PerformIO = (query: object) => Promise<{ fields: { dataTypeID: number }[] }>;
type QueryRaw = (query: object) => Promise<{ columnTypes: number[] }>;

/**
 * The engine describes a database through catalog queries that return the one-byte `"char"`
 * type (pg_class.relkind, pg_constraint.contype…). adapter-pg 7.10 has no mapping for it and
 * fails ("Column type 'char' could not be deserialized"), although the driver protocol has a
 * `Character` column type the engine expects there. pg already parses the value as a string:
 * let the adapter map the column as text, then report it as `Character`.
 */
function patchAdapterForEngine<T extends object>(queryable: T): T {
  wholeScripts(queryable);
  const target = queryable as T & {
    performIO?: PerformIO;
    queryRaw?: QueryRaw;
    startTransaction?: (...args: unknown[]) => Promise<object>;
  };
  const charColumns = new WeakMap<object, number[]>();
  const performIO = target.performIO?.bind(target);
  if (performIO) {
    target.performIO = async (query) => {
      const result = await performIO(query);
      const found: number[] = [];
      result.fields.forEach((field, index) => {
        if (field.dataTypeID === PG_CHAR_OID) {
          field.dataTypeID = PG_TEXT_OID;
          found.push(index);
        }
      });
      if (found.length > 0) charColumns.set(query, found);
      return result;
    };
  }
  const queryRaw = target.queryRaw?.bind(target);
  if (queryRaw) {
    target.queryRaw = async (query) => {
      const result = await queryRaw(query);
      for (const index of charColumns.get(query) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
      return result;
    };
  }
  const startTransaction = target.startTransaction?.bind(target);
  if (startTransaction) target.startTransaction = async (...args) => patchAdapterForEngine(await startTransaction(...args));
  return queryable;
}

export interface EngineHandle {
  engine: SchemaEngine;
  close(): Promise<void>;
}

/** Opens a schema engine bound to `databaseUrl`, optionally primed with a datamodel. */
export async function openSchemaEngine(
  databaseUrl: string,
  datamodel?: { path: string; content: string },
): Promise<EngineHandle> {
  modulePromise ??= loadEngineModule();
  const mod = await modulePromise;
  const factory = new ShadowSafePg(databaseUrl);
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const datamodels: [string, string][] | undefined = datamodel ? [[datamodel.path, datamodel.content]] : undefined;
  const log = (): void => {};
  const engine = await mod.SchemaEngine.new({ datamodels }, log, adapter);
  return {
    engine,
    close: async () => {
      engine.free();
      await factory.disposeAll();
    },
  };
}
