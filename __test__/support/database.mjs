// The third judge: a real PostgreSQL server through Prisma 7. Tests that need it read the server
// from DATABASE_URL (`npm run db:start` prints one; `.ci/run` starts a cluster and exports it).
//
// API
//   databaseUrl(): string | null
//       DATABASE_URL, or null when it is unset.
//   databaseSkip(): false | string
//       For `test(name, { skip: databaseSkip() }, …)`: false when a database is configured, else
//       the reason to print. Under CI (CI set and not "false") a missing DATABASE_URL throws
//       instead: database tests must run there, never skip.
//   skipOutsideCi(reason): string
//       The same rule for any other missing prerequisite (the shared corpus).
//   applySchema(schemaPath, { name }): Promise<{ url, database, ddl, ms, drop() }>
//       Creates a fresh database (`fn_<name>_<random>`) on the server of DATABASE_URL and creates
//       the schema's tables in it. The DDL comes from Prisma's own schema engine (the npm package
//       `@prisma/schema-engine-wasm`, the wasm build of the engine behind `prisma migrate diff`,
//       which works offline: the native engine is a download) as a diff from the empty database
//       to the datamodel; it is applied with `pg`. `Unsupported("vector(N)")` columns need the
//       pgvector extension, which Debian does not package: its `CREATE EXTENSION "vector"` line is
//       dropped and `vector(N)` becomes `real[]` (the Prisma client never reads or writes
//       Unsupported columns, so the types it generates are unchanged). `drop()` drops the database.
//       `setupSql` (optional) runs before the DDL: an extension the schema uses without declaring
//       it (an index with `ops: raw("gin_trgm_ops")` needs `CREATE EXTENSION pg_trgm`).
//   ddlFor(schemaPath): Promise<string>
//       The SQL script alone (as applied, vector columns mapped), cached per schema content.
//   prismaClient(schemaPath, url): Promise<PrismaClient>
//       A client of the Prisma 7 `prisma-client-js` generator for that schema (generated offline
//       through `tsc-judge.mjs`'s `prismaClientFor`, shared with the tsc judge), connected to `url`
//       through `@prisma/adapter-pg`. Call `$disconnect()` when done.

import { createHash, randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { prismaClientFor, withoutConnectionSettings } from './tsc-judge.mjs'

const require = createRequire(import.meta.url)

export function databaseUrl() {
  const url = process.env.DATABASE_URL
  return url && url.trim() !== '' ? url.trim() : null
}

const inCi = () => Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0'

export function databaseSkip() {
  if (databaseUrl()) return false
  return skipOutsideCi('DATABASE_URL is not set: start a throwaway PostgreSQL with `npm run db:start`, then `eval "$(scripts/db.sh env)"`')
}

/** `reason`, to skip with; under CI an error instead, since there nothing may skip. */
export function skipOutsideCi(reason) {
  if (inCi()) throw new Error(`database tests must run in CI, but ${reason}`)
  return reason
}

function requireUrl() {
  const url = databaseUrl()
  if (!url) throw new Error(databaseSkip() || 'DATABASE_URL is not set')
  return url
}

/** The URL of another database on the same server. */
function urlForDatabase(url, database) {
  const u = new URL(url)
  u.pathname = `/${encodeURIComponent(database)}`
  return u.toString()
}

async function withPg(url, fn) {
  const { Client } = require('pg')
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

let schemaEngineModule
/** The wasm schema engine's bindings. Node 20 cannot import `.wasm` modules, so it is instantiated by hand. */
async function schemaEngineBindings() {
  schemaEngineModule ??= (async () => {
    const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')
    const bindings = await import(pathToFileURL(bgPath).href)
    const bytes = await readFile(path.join(path.dirname(bgPath), 'schema_engine_bg.wasm'))
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bindings })
    bindings.__wbg_set_wasm(instance.exports)
    instance.exports.__wbindgen_start()
    return bindings
  })()
  return schemaEngineModule
}

/** Prisma's own SQL for creating every table, enum and index of the schema in an empty database. */
async function engineDiffFromEmpty(schemaPath, schemaText, url) {
  const { SchemaEngine } = await schemaEngineBindings()
  const { PrismaPg } = require('@prisma/adapter-pg')
  const { bindMigrationAwareSqlAdapterFactory } = require('@prisma/driver-adapter-utils')
  // The engine needs a reachable database even for a diff from empty; it only reads from it.
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: url }))
  const files = [{ path: schemaPath, content: schemaText }]
  const logs = []
  let engine
  try {
    engine = await SchemaEngine.new({ datamodels: files.map((f) => [f.path, f.content]) }, (line) => logs.push(line), adapter)
    const result = await engine.diff({
      from: { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: null,
      shadowDatabaseUrl: null,
      filters: { externalTables: [], externalEnums: [] },
    })
    if (typeof result?.stdout !== 'string' || !/CREATE TABLE/.test(result.stdout)) {
      throw new Error(`the schema engine produced no CREATE TABLE for ${schemaPath}:\n${result?.stdout ?? ''}`)
    }
    return result.stdout
  } catch (error) {
    const detail = error?.message ?? String(error)
    throw new Error(`cannot get the DDL of ${schemaPath} from Prisma's schema engine: ${detail}${logs.length ? `\n${logs.join('\n')}` : ''}`)
  } finally {
    engine?.free()
  }
}

/**
 * pgvector is not among Debian's packages: the extension line goes, and `vector(N)` columns
 * (only ever `Unsupported(…)` in a Prisma schema, so the client never touches them) become `real[]`.
 */
export function withoutPgvector(ddl) {
  return ddl
    .replace(/^CREATE EXTENSION IF NOT EXISTS "vector"[^;]*;\n?/gm, '')
    .replace(/\bvector\(\d+\)/g, 'real[]')
}

const ddlByHash = new Map()

export async function ddlFor(schemaPath) {
  const schemaText = withoutConnectionSettings(await readFile(schemaPath, 'utf8'))
  const hash = createHash('sha256').update(schemaText).digest('hex')
  if (!ddlByHash.has(hash)) {
    const pending = engineDiffFromEmpty(path.resolve(schemaPath), schemaText, requireUrl()).then(withoutPgvector)
    ddlByHash.set(hash, pending)
    pending.catch(() => ddlByHash.delete(hash))
  }
  return ddlByHash.get(hash)
}

const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`

export async function applySchema(schemaPath, { name = path.basename(path.dirname(path.resolve(schemaPath))), setupSql = '' } = {}) {
  const started = performance.now()
  const adminUrl = requireUrl()
  const ddl = await ddlFor(schemaPath)
  const slug = String(name).toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40) || 'schema'
  const database = `fn_${slug}_${randomBytes(4).toString('hex')}`
  await withPg(adminUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(database)}`))
  const url = urlForDatabase(adminUrl, database)
  const drop = () => withPg(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`))
  try {
    if (setupSql) await withPg(url, (c) => c.query(setupSql))
    await withPg(url, (c) => c.query(ddl))
  } catch (error) {
    await drop().catch(() => {})
    const at = error.position ? ` at character ${error.position} of the DDL: ${ddl.slice(Math.max(0, error.position - 80), Number(error.position) + 80)}` : ''
    throw new Error(`applying the DDL of ${schemaPath} failed: ${error.message}${at}`)
  }
  return { url, database, ddl, ms: performance.now() - started, drop }
}

export async function prismaClient(schemaPath, url) {
  const generated = await prismaClientFor(schemaPath)
  const { PrismaClient } = require(path.join(generated.dir, 'client'))
  const { PrismaPg } = require('@prisma/adapter-pg')
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) })
}
