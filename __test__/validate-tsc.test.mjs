// tsc as the second judge of validateFactories on the bundled broken set: every tsc error of a
// kind the validator covers has a diagnostic of ours on the same line, and every diagnostic of
// ours that tsc does not report is listed below with the reason tsc cannot see it.

import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { validateFactories } from '../index.js'
import { prismaClientFor, tscErrors, tsSyntaxErrors, TSC_CODES_BY_DIAGNOSTIC, tscCodeMatches } from './support/tsc-judge.mjs'

const examples = fileURLToPath(new URL('../examples/', import.meta.url))
const rel = (file) => path.relative(examples, file).split(path.sep).join('/')

// What we report and tsc cannot see, one entry per diagnostic (the list of kinds).
const TSC_CANNOT_SEE = [
  { at: 'broken/UserDbFactory.ts:14', code: 'unknown-model', why: 'a super("…") string: any string type-checks' },
  { at: 'broken/TagTranslationDbFactory.ts:11', code: 'type-model-mismatch', why: 'a consistent but wrong type argument: the types agree with each other' },
  { at: 'broken/PaymentDbFactory.ts:12', code: 'type-model-mismatch', why: 'a super("…") string naming another model than the types and delegate: any string type-checks' },
  { at: 'broken/TagTranslationDbFactory.ts:18', code: 'delegate-mismatch', why: 'the delegate is returned as `any` by the base class signature' },
  { at: 'broken/PaymentDbFactory.ts:35', code: 'unknown-field', why: 'an unknown field beside a spread: tsc does no excess-property check there' },
  { at: 'broken/ResourceVersionDbFactory.ts:50', code: 'missing-required-field', why: 'tsc reports the excess property of the literal and stops' },
  { at: 'broken/tagFixtures.ts:18', code: 'missing-required-field', why: 'tsc reports the excess property of the literal and stops' },
  { at: 'broken/memberFixtures.ts:3', code: 'import-cycle', why: 'cycles are legal TypeScript' },
  { at: 'broken/MemberDbFactory.ts:46', code: 'invalid-fixture-accepted', why: 'a valid input in the invalid category: nothing for a type checker to reject' },
  { at: 'broken/CreditAccountDbFactory.ts:43', code: 'invalid-fixture-accepted', why: 'the minimal data spread as it is, in the invalid category: nothing for a type checker to reject' },
  ...['broken/columnFixtures.ts:9', 'broken/columnFixtures.ts:14', 'broken/columnFixtures.ts:21', 'broken/columnFixtures.ts:28'].map((at) => (
    { at, code: 'value-exceeds-column', why: 'a length or range of the column: the generated types say only string or number' })),
  ...['broken/columnFixtures.ts:40', 'broken/columnFixtures.ts:50'].map((at) => (
    { at, code: 'field-type-mismatch', why: 'a string the type allows that Prisma does not parse as a Decimal or a DateTime' })),
  { at: 'broken/columnFixtures.ts:33', code: 'missing-required-field', why: 'the relation is optional in the generated type; only the table requires its key' },

  { at: 'broken/seedCalls.ts:18', code: 'unknown-field', why: 'an object returned by a `map` callback: its type is inferred from the callback, so tsc does no excess-property check when it is assigned (Prisma rejects the field at run time)' },
  { at: 'broken/seedCalls.ts:27', code: 'unknown-field', why: 'a member of a conditional spread: tsc does no excess-property check on spread members (Prisma rejects the field at run time)' },
  { at: 'broken/seedCalls.ts:38', code: 'unknown-field', why: 'an `as Prisma.X` assertion: tsc does no excess-property check on assertions (Prisma rejects the field at run time)' },
]

// Codes tsc can raise for a validator diagnostic kind (from the judge's mapping).
const OUR_TSC_CODES = new Set(Object.values(TSC_CODES_BY_DIAGNOSTIC).filter(Array.isArray).flat())

let report
let tsc
let parseErrorFile
before(async () => {
  report = validateFactories({ cwd: examples, config: 'broken.config.json' })
  const client = await prismaClientFor(path.join(examples, 'prisma', 'schema.prisma'))
  tsc = await tscErrors(path.join(examples, 'broken', 'tsconfig.json'), { prismaClient: client })
  // The file with a syntax error is outside the tsc project; TypeScript's parser judges it.
  parseErrorFile = path.join(examples, 'broken', 'parse-error', 'reminderFixtures.ts')
  tsc.errors.push(...tsSyntaxErrors(parseErrorFile, readFileSync(parseErrorFile, 'utf8')))
})

const inTs = (d) => d.file.endsWith('.ts')

test('every tsc error of a kind we cover has a diagnostic of ours on its line', () => {
  const missed = tsc.errors
    .filter((e) => e.file && (OUR_TSC_CODES.has(e.tsCode) || (e.tsCode >= 1000 && e.tsCode < 2000)))
    .filter((e) => !report.diagnostics.some((d) => d.file === e.file && d.line === e.line && tscCodeMatches(d.code, e.tsCode, e.message)))
    .map((e) => `${rel(e.file)}:${e.line}:${e.column} TS${e.tsCode} ${e.message}`)
  assert.deepEqual(missed, [])
  assert.ok(tsc.errors.length >= 20, `tsc found ${tsc.errors.length} errors: the judge is not looking`)
})

test('every diagnostic of ours tsc does not report is a listed kind tsc cannot see', () => {
  const unseen = report.diagnostics
    .filter(inTs)
    .filter((d) => !tsc.errors.some((e) => e.file === d.file && e.line === d.line && tscCodeMatches(d.code, e.tsCode, e.message)))
    .map((d) => `${rel(d.file)}:${d.line} ${d.code}`)
    .sort()
  assert.deepEqual(unseen, TSC_CANNOT_SEE.map((c) => `${c.at} ${c.code}`).sort())
})

test('the diagnostics located in the schema are the missing factories (no tsc counterpart)', () => {
  const inSchema = report.diagnostics.filter((d) => !inTs(d))
  assert.ok(inSchema.length > 0)
  assert.ok(inSchema.every((d) => d.code === 'missing-factory' && rel(d.file) === 'prisma/schema.prisma'))
})
