// Loads Prisma's schema engine compiled to WebAssembly, so migrations can be created and
// applied on machines that cannot download Prisma's native engine (intranets, CI here).
// The wasm module is instantiated by hand instead of through an ES-module wasm import, which
// would need Node's --experimental-wasm-modules flag.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import {
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
    const adapter = readCharAsText(await new PrismaPg(this.config as pg.PoolConfig).connect());
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
    const adapter = readCharAsText(await new PrismaPg({ ...this.config, database: name } as pg.PoolConfig).connect());
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

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
type PerformIO = (query: unknown) => Promise<{ fields: { dataTypeID: number }[] }>;

/**
 * The engine describes a database through catalog queries that return the one-byte `"char"`
 * type (pg_class.relkind…), which adapter-pg 7.10 refuses ("Column type 'char' could not be
 * deserialized"). pg already parses it as a string, so the column is re-labelled as text.
 */
function readCharAsText<T extends object>(queryable: T): T {
  const target = queryable as T & { performIO?: PerformIO; startTransaction?: (...args: unknown[]) => Promise<object> };
  const performIO = target.performIO?.bind(target);
  if (performIO) {
    target.performIO = async (query) => {
      const result = await performIO(query);
      for (const field of result.fields) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
      return result;
    };
  }
  const startTransaction = target.startTransaction?.bind(target);
  if (startTransaction) target.startTransaction = async (...args) => readCharAsText(await startTransaction(...args));
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
