// Loads Prisma's schema engine compiled to WebAssembly, so migrations can be created and
// applied on machines that cannot download Prisma's native engine (intranets, CI here).
// The wasm module is instantiated by hand instead of through an ES-module wasm import, which
// would need Node's --experimental-wasm-modules flag.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

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

export interface EngineHandle {
  engine: SchemaEngine;
  close(): void;
}

/** Opens a schema engine bound to `databaseUrl`, optionally primed with a datamodel. */
export async function openSchemaEngine(
  databaseUrl: string,
  datamodel?: { path: string; content: string },
): Promise<EngineHandle> {
  modulePromise ??= loadEngineModule();
  const mod = await modulePromise;
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
  const datamodels: [string, string][] | undefined = datamodel ? [[datamodel.path, datamodel.content]] : undefined;
  const log = (): void => {};
  const engine = await mod.SchemaEngine.new({ datamodels }, log, adapter);
  return { engine, close: () => engine.free() };
}
