// The real TypeScript compiler judges the id API's declarations: bigint where bigint, exact
// argument types (wrong calls must not compile), no `any`, and the subpath matching the root.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = fileURLToPath(new URL('../', import.meta.url))
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')

const usage = `
import {
  generatePK, generatePKs, initIdGenerator, configureIdGenerator, idGeneratorConfig, validatePK, decodePK,
  pkFromTimestamp, DUMMY_ID, generatePublicId, validatePublicId, nanoid,
  type DecodedPk, type IdGeneratorConfig, type IdGeneratorOptions,
} from '@vrooli/fixture-native/id'
import * as root from '@vrooli/fixture-native'

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
type IsAny<T> = 0 extends 1 & T ? true : false
function expectType<T extends true>(): void {}

expectType<Equal<ReturnType<typeof generatePK>, bigint>>()
expectType<Equal<Parameters<typeof generatePK>, []>>()
expectType<Equal<ReturnType<typeof generatePKs>, BigUint64Array>>()
expectType<Equal<Parameters<typeof generatePKs>, [count: number]>>()
expectType<Equal<ReturnType<typeof initIdGenerator>, Promise<void>>>()
expectType<Equal<ReturnType<typeof pkFromTimestamp>, bigint>>()
expectType<Equal<Parameters<typeof decodePK>[0], bigint | string>>()
expectType<Equal<Parameters<typeof validatePK>[0], unknown>>()
expectType<Equal<Parameters<typeof validatePublicId>[0], unknown>>()
expectType<Equal<ReturnType<typeof validatePK>, boolean>>()
expectType<Equal<ReturnType<typeof nanoid>, string>>()
expectType<Equal<ReturnType<typeof generatePublicId>, string>>()
expectType<Equal<DecodedPk['timestamp'], number>>()
expectType<Equal<DecodedPk['workerId'], number>>()
expectType<Equal<DecodedPk['sequence'], number>>()
expectType<Equal<ReturnType<typeof decodePK>, DecodedPk>>()
expectType<Equal<ReturnType<typeof configureIdGenerator>, IdGeneratorConfig>>()
expectType<Equal<ReturnType<typeof idGeneratorConfig>, IdGeneratorConfig>>()
expectType<Equal<IdGeneratorOptions['workerId'], number | 'auto' | undefined>>()
expectType<Equal<typeof root.generatePK, typeof generatePK>>()
expectType<Equal<typeof root.DUMMY_ID, typeof DUMMY_ID>>()

// No any anywhere in the id API.
type Fn = (...args: never[]) => unknown
type NoAny<F extends Fn> = IsAny<ReturnType<F>> extends true ? false : true
expectType<NoAny<typeof generatePK>>()
expectType<NoAny<typeof generatePKs>>()
expectType<NoAny<typeof decodePK>>()
expectType<NoAny<typeof configureIdGenerator>>()
expectType<Equal<IsAny<DecodedPk[keyof DecodedPk]>, false>>()
expectType<Equal<IsAny<IdGeneratorConfig[keyof IdGeneratorConfig]>, false>>()

const id: bigint = generatePK()
const ids: BigUint64Array = generatePKs(10)
const parts: DecodedPk = decodePK(id)
const n: number = parts.timestamp + parts.workerId + parts.sequence + ids.length
void n
void initIdGenerator()
void initIdGenerator(3)
void initIdGenerator('auto', 1609459200000)
configureIdGenerator({ workerId: 'auto' })
configureIdGenerator({ epoch: 0 })
configureIdGenerator()
validatePK(null)
generatePublicId()

// @ts-expect-error a worker id is a number or "auto"
configureIdGenerator({ workerId: 'seven' })
// @ts-expect-error ids are bigint or string, not number
decodePK(5)
// @ts-expect-error count is required
generatePKs()
// @ts-expect-error the timestamp is a number
pkFromTimestamp(new Date())
// @ts-expect-error a bigint is not a number
const wrong: number = generatePK()
void wrong
`

test('tsc accepts the documented uses and rejects the wrong ones', () => {
  const base = path.join(repoRoot, '.fixture-native-tmp')
  const dir = path.join(base, `ids-types-${process.pid}`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  try {
    const write = (name, text) => {
      writeFileSync(path.join(dir, name + '.tmp'), text)
      renameSync(path.join(dir, name + '.tmp'), path.join(dir, name))
    }
    write('usage.mts', usage)
    write('tsconfig.json', JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: [], skipLibCheck: true, lib: ['es2022'] },
      files: ['usage.mts'],
    }))
    const r = spawnSync(process.execPath, [tsc, '-p', path.join(dir, 'tsconfig.json')], { encoding: 'utf8', cwd: dir })
    assert.equal(r.status, 0, `tsc reported:\n${r.stdout}${r.stderr}`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
