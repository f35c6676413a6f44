// The second judge for the validator: the real TypeScript compiler against the real Prisma-generated
// client. `prismaClientFor(schema)` generates the client offline (once per schema content, reused
// across runs), `tscErrors(tsconfig, { prismaClient })` runs `tsc --noEmit` with `@prisma/client`
// pointed at that client and returns its errors as data.

import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const require = createRequire(import.meta.url)
const prismaCli = require.resolve('prisma/build/index.js')
const tscCli = require.resolve('typescript/bin/tsc')
const prismaVersion = require('prisma/package.json').version

// Inside the repository's node_modules so that `prisma generate` resolves `@prisma/client` from the
// schema copy's folder (it looks upwards from there), and so nothing generated is ever tracked.
export const cacheRoot = path.join(repoRoot, 'node_modules', '.cache', 'fixture-native-tsc')

/**
 * Makes a schema generatable by Prisma 7 offline, into `outputDir`, without changing its types:
 * - every `prisma-client-js` / `prisma-client` generator writes to `outputDir`; other generators
 *   (ERD and doc generators) are dropped, they would try to run or download things;
 * - connection settings in `datasource` (`url`, `directUrl`, `shadowDatabaseUrl`) are dropped:
 *   Prisma 7 rejects them in the schema (P1012) and they do not affect the generated types.
 */
export function schemaForGeneration(schemaText, outputDir) {
  let clients = 0
  const text = schemaText.replace(/^([ \t]*)(generator|datasource)\s+(\w+)\s*\{([\s\S]*?)^\s*\}/gm,
    (block, indent, kind, name, body) => {
      if (kind === 'datasource') return withoutConnectionSettings(block)
      const provider = /^\s*provider\s*=\s*"([^"]+)"/m.exec(body)?.[1]
      if (provider !== 'prisma-client-js' && provider !== 'prisma-client') return ''
      clients += 1
      const kept = body.split('\n').filter((line) => !/^\s*output\s*=/.test(line)).join('\n')
      return `${indent}generator ${name} {${kept}  output = ${JSON.stringify(outputDir)}\n}`
    })
  if (clients !== 1) {
    throw new Error(`expected exactly one prisma-client-js generator block in the schema, found ${clients}`)
  }
  return text
}

/**
 * A schema (or one `datasource` block) without the connection settings of its `datasource` blocks
 * (`url`, `directUrl`, `shadowDatabaseUrl`): Prisma 7 rejects them (P1012), and they do not change
 * the tables or the types.
 */
export function withoutConnectionSettings(schemaText) {
  return schemaText.replace(/^[ \t]*datasource\s+\w+\s*\{[\s\S]*?^\s*\}/gm,
    (block) => block.replace(/^[ \t]*(url|directUrl|shadowDatabaseUrl)\s*=.*$\n?/gm, ''))
}

const clientsByHash = new Map()

/**
 * Generates the Prisma client (prisma-client-js) for `schemaPath` and returns
 * `{ dir, typesEntry, hash, cached, ms }`. Keyed by the schema's content and the Prisma version:
 * a second call in the same process, or a later run, reuses the generated folder.
 */
export function prismaClientFor(schemaPath) {
  return (async () => {
    const schemaText = await readFile(schemaPath, 'utf8')
    const hash = createHash('sha256').update(prismaVersion).update('\0').update(schemaText).digest('hex').slice(0, 16)
    if (!clientsByHash.has(hash)) {
      const pending = generateClient(schemaPath, schemaText, hash)
      clientsByHash.set(hash, pending)
      pending.catch(() => clientsByHash.delete(hash))
    }
    return clientsByHash.get(hash)
  })()
}

async function generateClient(schemaPath, schemaText, hash) {
  const started = performance.now()
  const dir = path.join(cacheRoot, hash)
  const typesEntry = path.join(dir, 'client', 'index.d.ts')
  if (existsSync(path.join(dir, 'complete'))) {
    return { dir, typesEntry, hash, cached: true, ms: performance.now() - started }
  }
  // Generate beside the final folder, then rename: a concurrent run never sees a half-written client.
  const staging = path.join(cacheRoot, `${hash}.staging-${process.pid}-${randomBytes(4).toString('hex')}`)
  await mkdir(staging, { recursive: true })
  try {
    const stagingSchema = path.join(staging, 'schema.prisma')
    await writeFile(stagingSchema, schemaForGeneration(schemaText, path.join(staging, 'client')))
    const result = await run(process.execPath, [prismaCli, 'generate', '--schema', stagingSchema], {
      cwd: staging,
      env: { ...process.env, ...(await offlineEnv()) },
    })
    if (result.code !== 0 || !existsSync(path.join(staging, 'client', 'index.d.ts'))) {
      throw new Error(`prisma generate failed for ${schemaPath} (exit ${result.code}):\n${result.stdout}${result.stderr}`)
    }
    // The generated types refer to their own folder only relatively, so the rename keeps them valid.
    await writeFile(path.join(staging, 'complete'), `${schemaPath}\n`)
    try {
      await rename(staging, dir)
    } catch (error) {
      if (!existsSync(path.join(dir, 'complete'))) throw error
      await rm(staging, { recursive: true, force: true }) // another process won the race
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    throw error
  }
  return { dir, typesEntry, hash, cached: false, ms: performance.now() - started }
}

// Every Prisma 7 CLI command first tries to download a native schema engine; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips that, and `generate` never runs it.
async function offlineEnv() {
  const env = { PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1', PRISMA_GENERATE_NO_HINTS: '1' }
  if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
    const standIn = path.join(cacheRoot, 'schema-engine-stand-in')
    if (!existsSync(standIn)) {
      await mkdir(cacheRoot, { recursive: true })
      // Unique per call: two clients generated at once in one process must not share it.
      const tmp = `${standIn}.${process.pid}.${randomBytes(4).toString('hex')}`
      await writeFile(tmp, '#!/bin/sh\necho "schema engine stand-in: not available offline" >&2\nexit 1\n')
      await chmod(tmp, 0o755)
      await rename(tmp, standIn)
    }
    env.PRISMA_SCHEMA_ENGINE_BINARY = standIn
  }
  return env
}

/**
 * Runs the real `tsc --noEmit` on `tsconfigPath`. With `prismaClient` (from `prismaClientFor`),
 * `@prisma/client` resolves to that generated client through a temporary tsconfig that extends the
 * given one. `compilerOptions` are merged over the project's (e.g. to drop `composite`).
 * Returns `{ errors: [{ file, line, column, tsCode, message }], ms }`; `file` is absolute (null for
 * errors without a location), `line`/`column` 1-based, `tsCode` a number (2322 for TS2322).
 */
export async function tscErrors(tsconfigPath, { prismaClient, compilerOptions = {} } = {}) {
  const project = path.resolve(tsconfigPath)
  const options = { ...compilerOptions }
  if (prismaClient) {
    options.paths = { ...existingPaths(project), '@prisma/client': [prismaClient.typesEntry] }
  }
  await mkdir(cacheRoot, { recursive: true })
  const wrapper = path.join(cacheRoot, `tsconfig.${process.pid}.${randomBytes(4).toString('hex')}.json`)
  await writeFile(wrapper, JSON.stringify({ extends: project, compilerOptions: options }, null, 2))
  const started = performance.now()
  try {
    const result = await run(process.execPath, [tscCli, '--noEmit', '--pretty', 'false', '-p', wrapper], {
      cwd: path.dirname(project),
    })
    const errors = parseTscOutput(result.stdout, path.dirname(project))
    if (result.code !== 0 && errors.length === 0) {
      throw new Error(`tsc exited ${result.code} without a parsable error:\n${result.stdout}${result.stderr}`)
    }
    return { errors, ms: performance.now() - started }
  } finally {
    await rm(wrapper, { force: true })
  }
}

// `paths` is replaced, not merged, by an extending tsconfig: carry the project's own entries over,
// made absolute so they mean the same from the wrapper's folder.
function existingPaths(project) {
  const ts = require('typescript')
  const parsed = ts.getParsedCommandLineOfConfigFile(project, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(`cannot read ${project}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`)
    },
  })
  const { paths, baseUrl, pathsBasePath } = parsed?.options ?? {}
  if (!paths) return {}
  const base = baseUrl ?? pathsBasePath ?? path.dirname(project)
  return Object.fromEntries(Object.entries(paths).map(([key, targets]) =>
    [key, targets.map((target) => path.resolve(base, target))]))
}

const TSC_LINE = /^(.+?)\((\d+),(\d+)\): error TS(\d+): (.*)$/
const TSC_GLOBAL = /^error TS(\d+): (.*)$/

/** Parses `tsc --pretty false` output; indented continuation lines belong to the error above. */
export function parseTscOutput(stdout, cwd) {
  const errors = []
  for (const line of stdout.split(/\r?\n/)) {
    let m
    if ((m = TSC_LINE.exec(line))) {
      errors.push({ file: path.resolve(cwd, m[1]), line: Number(m[2]), column: Number(m[3]), tsCode: Number(m[4]), message: m[5] })
    } else if ((m = TSC_GLOBAL.exec(line))) {
      errors.push({ file: null, line: 0, column: 0, tsCode: Number(m[1]), message: m[2] })
    } else if (/^\s+\S/.test(line) && errors.length > 0) {
      errors.at(-1).message += `\n${line}`
    }
  }
  return errors
}

/**
 * Syntax errors of one file, from TypeScript's own parser (the files tsc cannot type-check: tsc
 * skips all semantic checking of a program as soon as one of its files has a syntax error).
 */
export function tsSyntaxErrors(file, sourceText) {
  const ts = require('typescript')
  const fileName = path.resolve(file)
  const host = ts.createCompilerHost({ noResolve: true, noLib: true })
  const readFile = host.readFile
  if (sourceText !== undefined) host.readFile = (f) => (path.resolve(f) === fileName ? sourceText : readFile(f))
  const program = ts.createProgram({ rootNames: [fileName], options: { noResolve: true, noLib: true, types: [] }, host })
  const sourceFile = program.getSourceFile(fileName)
  return program.getSyntacticDiagnostics(sourceFile).map((d) => {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(d.start)
    return { file: fileName, line: line + 1, column: character + 1, tsCode: d.code, message: ts.flattenDiagnosticMessageText(d.messageText, '\n') }
  })
}

function run(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk) => { stdout += chunk })
    child.stderr.setEncoding('utf8').on('data', (chunk) => { stderr += chunk })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/**
 * Which tsc error codes stand for which validator diagnostic, for the kinds tsc can see at all.
 * Codes absent here (unknown-model, type-model-mismatch, delegate-mismatch, import-cycle,
 * missing-factory, schema-error) are invisible to tsc.
 */
export const TSC_CODES_BY_DIAGNOSTIC = {
  'parse-error': 'TS1xxx',
  'unknown-prisma-type': [2694, 2724],
  'unknown-delegate': [2339, 2551],
  'missing-abstract-method': [2515, 2654, 2656],
  'missing-fixture-category': [2739, 2740, 2741],
  'missing-required-field': [2739, 2740, 2741, 2345],
  'unknown-field': [2353, 2561],
  'mixed-relation-input': [2353, 2561],
  'field-type-mismatch': [2322, 2820],
  'invalid-enum-value': [2322, 2820],
  'bigint-literal-target': [2737],
  'unresolved-import': [2307, 2305, 2614, 2724, 2834, 2835],
  // tsc's view of a client `prisma generate` has not written: a module it cannot find.
  'client-not-generated': [2307],
}

/**
 * "Not assignable" errors that stand for a validator code by what their message says: TS2322 with
 * an excess property found deeper in a nested input, or a literal mixing the two shapes of Prisma's
 * `XOR<checked, unchecked>` (tsc names the `Without<…>` halves), or `undefined` given to a required
 * field (missing, for us); TS2820 on a `distinct` entry that
 * names no scalar field (not assignable to the model's `ScalarFieldEnum`).
 */
const TSC_ELABORATED_BY_DIAGNOSTIC = {
  2322: {
    'unknown-field': /Object literal may only specify known properties/,
    'mixed-relation-input': /Without</,
    // A required field written `x: undefined` (strict): it supplies nothing.
    'missing-required-field': /^Type 'undefined' is not assignable/,
  },
  2820: {
    'unknown-field': /ScalarFieldEnum'/,
  },
}

/** Whether tsc error `tsCode` (with its `message`, when given) is one tsc would raise for validator code `code`. */
export function tscCodeMatches(code, tsCode, message = '') {
  const codes = TSC_CODES_BY_DIAGNOSTIC[code]
  if (codes === 'TS1xxx') return tsCode >= 1000 && tsCode < 2000
  if (TSC_ELABORATED_BY_DIAGNOSTIC[tsCode]?.[code]?.test(message)) return true
  return Array.isArray(codes) && codes.includes(tsCode)
}

export const tscCanSee = (code) => code in TSC_CODES_BY_DIAGNOSTIC
