#!/usr/bin/env node
// Local-only baseline: what `tsc --noEmit` reports on a Vrooli-style fixtures folder, with the
// Prisma client generated from its schema and Vrooli's compiler settings, counted by the validator's
// categories. Nothing of the fixtures is copied; the paths come from the command line.
//
//   node scripts/vrooli-tsc-baseline.mjs --fixtures <fixtures/db folder> --schema <schema.prisma>
//        [--tsconfig <a tsconfig.json to use instead of the built-in settings>] [--out <file.json>]
//
// Prints a summary; with --out, writes the full result (every error, categorised) as JSON.

import { cp, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { existsSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { prismaClientFor, tscErrors } from '../__test__/support/tsc-judge.mjs'

// Vrooli's effective settings for packages/server (tsconfig.base.json extended by the server's
// tsconfig.json), minus what only matters for emitting or project references (composite,
// incremental, declaration, outDir, rootDir, sourceMap) and `types: ["vitest/globals"]`, which would
// not resolve from a folder outside that repository.
const VROOLI_COMPILER_OPTIONS = {
  target: 'ES2022',
  module: 'nodenext',
  moduleResolution: 'nodenext',
  lib: ['DOM', 'ESNext'],
  downlevelIteration: true,
  jsx: 'react-jsx',
  allowJs: true,
  skipLibCheck: true,
  esModuleInterop: true,
  allowSyntheticDefaultImports: true,
  strict: true,
  strictNullChecks: true,
  noImplicitThis: true,
  noImplicitAny: false,
  forceConsistentCasingInFileNames: true,
  noFallthroughCasesInSwitch: true,
  resolveJsonModule: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  useUnknownInCatchVariables: false,
  exactOptionalPropertyTypes: false,
  noPropertyAccessFromIndexSignature: false,
  noUncheckedIndexedAccess: false,
  types: [],
  noEmit: true,
}

// The validator's categories, by tsc error code and the type the message names. Errors that only
// say the folder was compiled outside its repository (packages and helpers it imports from elsewhere,
// Node's types) are 'environment'.
const INPUT_TYPE = /'[\w<>, |]*(?:Create|Update)\w*Input\b/
const CATEGORIES = {
  'unknown-prisma-type': (e) => [2694, 2724].includes(e.tsCode) && /\.Prisma' has no exported member|Namespace '?Prisma'?/.test(e.message),
  'unresolved-import': (e) => [2305, 2724].includes(e.tsCode) && /^'"\.{1,2}\//.test(e.message),
  'unknown-field': (e) => [2353, 2561].includes(e.tsCode) && INPUT_TYPE.test(e.message),
  'unknown-field-outside-inputs': (e) => [2353, 2561].includes(e.tsCode),
  'missing-required-field': (e) => [2739, 2740, 2741].includes(e.tsCode) && INPUT_TYPE.test(e.message),
  environment: (e) => e.tsCode === 2307 || e.tsCode === 2591,
}
// What the issue counts as "in these categories" (75 + 58 + 11 = 144 of 351).
const ISSUE_CATEGORIES = ['unknown-prisma-type', 'unresolved-import', 'unknown-field', 'missing-required-field']
const categoryOf = (e) => Object.entries(CATEGORIES).find(([, matches]) => matches(e))?.[0] ?? null

const { values } = parseArgs({
  options: {
    fixtures: { type: 'string' },
    schema: { type: 'string' },
    tsconfig: { type: 'string' },
    out: { type: 'string' },
  },
})
for (const [name, kind] of [['fixtures', 'folder'], ['schema', 'file']]) {
  const value = values[name]
  const ok = value && existsSync(value) && (kind === 'folder' ? statSync(value).isDirectory() : statSync(value).isFile())
  if (!ok) {
    console.error(`--${name} must name an existing ${kind}` + (value ? ` (got ${value})` : ''))
    console.error('usage: node scripts/vrooli-tsc-baseline.mjs --fixtures <folder> --schema <schema.prisma> [--tsconfig <file>] [--out <file.json>]')
    process.exit(2)
  }
}
const fixtures = path.resolve(values.fixtures)
const schema = path.resolve(values.schema)

const client = await prismaClientFor(schema)
const work = await mkdtemp(path.join(os.tmpdir(), 'vrooli-tsc-baseline-'))
try {
  // A copy, under a package.json saying "type": "module" as Vrooli's server package does: with
  // `nodenext`, that decides whether the files are ES modules. Relative paths inside the folder are
  // kept; imports leaving it stay unresolved, as they would in the original place without its repo.
  const copy = path.join(work, 'fixtures')
  await cp(fixtures, copy, { recursive: true })
  await writeFile(path.join(work, 'package.json'), '{ "private": true, "type": "module" }\n')
  const tsconfig = path.join(work, 'tsconfig.json')
  const settings = values.tsconfig
    ? { extends: path.resolve(values.tsconfig), compilerOptions: { noEmit: true, composite: false, incremental: false, declaration: false, declarationMap: false } }
    : { compilerOptions: VROOLI_COMPILER_OPTIONS }
  await writeFile(tsconfig, JSON.stringify({ ...settings, include: ['fixtures/**/*.ts'], exclude: [] }, null, 2))

  const started = performance.now()
  const { errors } = await tscErrors(tsconfig, { prismaClient: client })
  const wallMs = performance.now() - started

  const categorised = errors.map((e) => ({
    ...e,
    file: e.file ? path.relative(copy, e.file) : null,
    category: categoryOf(e),
  }))
  const count = (list, key) => Object.fromEntries(
    [...list.reduce((m, e) => m.set(key(e), (m.get(key(e)) ?? 0) + 1), new Map())].sort((a, b) => b[1] - a[1]))
  const inCategories = categorised.filter((e) => ISSUE_CATEGORIES.includes(e.category))
  const result = {
    fixtures,
    schema,
    tscMs: Math.round(wallMs),
    prismaGenerateMs: Math.round(client.ms),
    prismaClientCached: client.cached,
    total: categorised.length,
    totalWithoutEnvironment: categorised.filter((e) => e.category !== 'environment').length,
    inCategories: inCategories.length,
    byCategory: count(categorised.filter((e) => e.category), (e) => e.category),
    byTsCode: count(categorised, (e) => `TS${e.tsCode}`),
    filesWithCategoryErrors: count(inCategories, (e) => e.file),
    errors: categorised,
  }
  if (values.out) {
    const tmp = `${values.out}.${process.pid}.tmp`
    await writeFile(tmp, `${JSON.stringify(result, null, 2)}\n`)
    await rename(tmp, values.out)
  }
  console.log(`tsc --noEmit on ${fixtures}: ${result.total} errors in ${result.tscMs} ms (prisma client ${client.cached ? 'cached' : `generated in ${result.prismaGenerateMs} ms`})`)
  console.log(`without environment errors (TS2307/TS2591: imports of packages and helpers outside the folder, Node types): ${result.totalWithoutEnvironment}`)
  console.log(`in the validator's categories: ${result.inCategories} across ${Object.keys(result.filesWithCategoryErrors).length} files`)
  for (const [category, n] of Object.entries(result.byCategory)) console.log(`  ${category}: ${n}`)
  console.log(`by tsc code: ${Object.entries(result.byTsCode).map(([code, n]) => `${code} ${n}`).join(', ')}`)
  if (values.out) console.log(`full result: ${values.out}`)
} finally {
  await rm(work, { recursive: true, force: true })
}
