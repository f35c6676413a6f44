// tsc as the second judge of the bundled example (needs no validator): the clean set compiles with
// zero errors against the real Prisma-generated client, and in the broken set tsc's errors and the
// `// expect:` markers agree line by line, for every kind of defect tsc can see.

import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { prismaClientFor, tscErrors, tsSyntaxErrors, tscCanSee, tscCodeMatches } from './support/tsc-judge.mjs'

const examples = fileURLToPath(new URL('../examples/', import.meta.url))
const brokenDir = path.join(examples, 'broken')
const rel = (file) => path.relative(examples, file).split(path.sep).join('/')

// Every diagnostic code of the validator (issue 4's table).
const ALL_CODES = [
  'parse-error', 'schema-error', 'missing-factory', 'unknown-model', 'unknown-prisma-type',
  'type-model-mismatch', 'unknown-delegate', 'delegate-mismatch', 'missing-abstract-method',
  'missing-fixture-category', 'missing-required-field', 'unknown-field', 'mixed-relation-input',
  'field-type-mismatch', 'invalid-enum-value', 'bigint-literal-target', 'unresolved-import', 'import-cycle',
  'client-not-generated',
  'invalid-fixture-accepted',
  'value-exceeds-column',
]

// Marked defects of a kind tsc can see in general but not at this spot, and why.
const TSC_BLIND = [
  {
    at: 'broken/PaymentDbFactory.ts:35',
    code: 'unknown-field',
    why: 'a property written beside spreads: tsc does no excess-property check on that object literal',
  },
  ...['broken/ResourceVersionDbFactory.ts:50', 'broken/tagFixtures.ts:18'].map((at) => ({
    at,
    code: 'missing-required-field',
    why: 'the same literal also has an unknown property: tsc reports that excess property and stops there',
  })),
  ...['broken/columnFixtures.ts:40', 'broken/columnFixtures.ts:50'].map((at) => ({
    at,
    code: 'field-type-mismatch',
    why: 'a string the type allows that Prisma does not parse as a Decimal or a DateTime (rejected at run time)',
  })),
  {
    at: 'broken/columnFixtures.ts:33',
    code: 'missing-required-field',
    why: 'the relation is optional in the generated type; only the table requires its key (a NOT NULL violation at run time)',
  },
  { at: 'broken/seedCalls.ts:18', code: 'unknown-field', why: 'an object returned by a `map` callback: its type is inferred from the callback, so tsc does no excess-property check when it is assigned (Prisma rejects the field at run time)' },
  { at: 'broken/seedCalls.ts:27', code: 'unknown-field', why: 'a member of a conditional spread: tsc does no excess-property check on spread members (Prisma rejects the field at run time)' },
  { at: 'broken/seedCalls.ts:38', code: 'unknown-field', why: 'an `as Prisma.X` assertion: tsc does no excess-property check on assertions (Prisma rejects the field at run time)' },
]

const MARKER = /\/\/\s*expect(-next-line)?:\s*(.+?)\s*$/

/** `// expect:` markers of one file: [{ file, line, codes }], codes as written (a multiset). */
function markersOf(file) {
  return readFileSync(file, 'utf8').split('\n').flatMap((text, index) => {
    const m = MARKER.exec(text)
    if (!m) return []
    const codes = m[2].split(',').map((code) => code.trim()).filter(Boolean)
    return [{ file, line: index + 1 + (m[1] ? 1 : 0), codes }]
  })
}

const tsFilesUnder = (dir) => readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
  .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
  .sort()

const brokenFiles = tsFilesUnder(brokenDir)
const markers = brokenFiles.flatMap(markersOf)
// A seed whose generator output folder is absent: its own run, judged by tsc without a client.
const ungeneratedDir = path.join(examples, 'ungenerated-client')
const ungeneratedMarkers = tsFilesUnder(ungeneratedDir).flatMap(markersOf)
const markerAt = new Map(markers.map((m) => [`${rel(m.file)}:${m.line}`, m]))
const blindAt = (key, code) => TSC_BLIND.some((b) => b.at === key && b.code === code)

let client
let clean
let broken
let ungenerated
before(async () => {
  client = await prismaClientFor(path.join(examples, 'prisma', 'schema.prisma'))
  ;[clean, broken, ungenerated] = await Promise.all([
    tscErrors(path.join(examples, 'tsconfig.json'), { prismaClient: client }),
    tscErrors(path.join(brokenDir, 'tsconfig.json'), { prismaClient: client }),
    tscErrors(path.join(ungeneratedDir, 'tsconfig.json')),
  ])
  const generation = client.cached ? 'cached' : `generated in ${Math.round(client.ms)} ms`
  console.log(`# prisma client ${generation}; tsc clean ${Math.round(clean.ms)} ms, broken ${Math.round(broken.ms)} ms`)
})

const show = (errors) => errors.map((e) => `${e.file ? rel(e.file) : '<global>'}:${e.line}:${e.column} TS${e.tsCode} ${e.message}`).join('\n')

test('the clean example compiles with zero tsc errors against the generated client', () => {
  assert.deepEqual(show(clean.errors), '')
})

test('both runs read the generated client (the zero above is not vacuous)', () => {
  // Only the client generated from our schema knows `credit_accountCreateInput`; without it every
  // Prisma type would be unresolved and tsc would not suggest it.
  assert.ok(broken.errors.some((e) => e.tsCode === 2724 && /Did you mean 'credit_accountCreateInput'\?/.test(e.message)),
    show(broken.errors))
})

test('every marker names known codes, and the markers plus the README cover every code', () => {
  for (const m of [...markers, ...ungeneratedMarkers]) {
    for (const code of m.codes) assert.ok(ALL_CODES.includes(code), `${rel(m.file)}:${m.line}: unknown code ${code}`)
  }
  const readme = readFileSync(path.join(examples, 'README.md'), 'utf8')
  const marked = new Set([...markers, ...ungeneratedMarkers].flatMap((m) => m.codes))
  for (const code of ALL_CODES) {
    assert.ok(marked.has(code) || new RegExp(`^\\| \`${code}\` \\|`, 'm').test(readme), `no defect for ${code}`)
  }
})

test('every tsc error in the broken set is on a marked line whose codes explain it', () => {
  const unexplained = broken.errors.filter((e) => {
    if (!e.file || !e.file.startsWith(brokenDir + path.sep)) return true
    const marker = markerAt.get(`${rel(e.file)}:${e.line}`)
    return !marker || !marker.codes.some((code) => tscCodeMatches(code, e.tsCode, e.message))
  })
  assert.equal(show(unexplained), '')
})

test('every marked defect tsc can see has a tsc error on its line', () => {
  const parseErrorFiles = new Set(markers.filter((m) => m.codes.includes('parse-error')).map((m) => m.file))
  const missed = []
  for (const m of markers) {
    if (parseErrorFiles.has(m.file)) continue // outside the tsc project; see the next test
    const key = `${rel(m.file)}:${m.line}`
    const visible = m.codes.filter((code) => tscCanSee(code) && !blindAt(key, code))
    if (visible.length === 0) continue
    const onLine = broken.errors.filter((e) => e.file === m.file && e.line === m.line)
    for (const code of new Set(visible)) {
      if (!onLine.some((e) => tscCodeMatches(code, e.tsCode, e.message))) missed.push(`${key} ${code}`)
    }
  }
  assert.deepEqual(missed, [])
})

test('the tsc-blind list is accurate: each entry is marked and tsc reports nothing of that kind there', () => {
  for (const b of TSC_BLIND) {
    assert.ok(markerAt.get(b.at)?.codes.includes(b.code), `${b.at} is not marked ${b.code}`)
    const seen = broken.errors.filter((e) => `${rel(e.file)}:${e.line}` === b.at && tscCodeMatches(b.code, e.tsCode, e.message))
    assert.deepEqual(show(seen), '', `tsc now sees ${b.code} at ${b.at} (${b.why}); move it out of TSC_BLIND`)
  }
})

test('parse-error files: syntax errors only on lines marked parse-error, and only there', () => {
  const parseMarkers = markers.filter((m) => m.codes.includes('parse-error'))
  assert.ok(parseMarkers.length > 0)
  for (const file of brokenFiles) {
    const syntax = tsSyntaxErrors(file)
    const expected = markers.filter((m) => m.file === file && m.codes.includes('parse-error')).map((m) => m.line)
    assert.deepEqual([...new Set(syntax.map((e) => e.line))], expected, `${rel(file)}:\n${show(syntax)}`)
  }
  // Kept out of the tsc project: a syntax error anywhere stops tsc from type-checking everything.
  for (const m of parseMarkers) {
    assert.ok(!broken.errors.some((e) => e.file === m.file), `${rel(m.file)} is inside the broken tsc project`)
  }
})

test('the README contract table lists exactly the marked lines', () => {
  const readme = readFileSync(path.join(examples, 'README.md'), 'utf8')
  const fromTable = []
  for (const row of readme.split('\n')) {
    const code = /^\| `([a-z-]+)` \| (.*?) \|/.exec(row)
    if (!code) continue
    for (const [, file, lines] of code[2].matchAll(/`((?:broken|prisma|broken-schema|ungenerated-client)\/[^`:]+):([^`]+)`/g)) {
      if (!file.endsWith('.ts')) continue
      for (const [, line, times] of lines.matchAll(/(\d+)(?: \(x(\d+)\))?/g)) {
        for (let i = 0; i < Number(times ?? 1); i += 1) fromTable.push(`${file}:${line} ${code[1]}`)
      }
    }
  }
  const fromMarkers = [...markers, ...ungeneratedMarkers].flatMap((m) => m.codes.map((code) => `${rel(m.file)}:${m.line} ${code}`))
  assert.deepEqual(fromTable.sort(), fromMarkers.sort())
})

test('the ungenerated-client seed: tsc sees the missing client on the marked line, and nothing it types', () => {
  const output = path.join(ungeneratedDir, 'generated')
  assert.ok(!existsSync(output), `${rel(output)} must not exist: it stands for a client \`prisma generate\` has not written yet`)
  // tsc's view of an ungenerated client is the module it cannot find (TS2307), on the import.
  const notGenerated = ungeneratedMarkers.filter((m) => m.codes.includes('client-not-generated')).map((m) => `${rel(m.file)}:${m.line} TS2307`)
  assert.equal(notGenerated.length, 1)
  assert.deepEqual(ungenerated.errors.map((e) => `${rel(e.file)}:${e.line} TS${e.tsCode}`), notGenerated)
  // Every other marked defect there is one tsc can see in general but not without the client's types.
  const typedByTheClient = ungeneratedMarkers.filter((m) => !m.codes.includes('client-not-generated'))
  assert.ok(typedByTheClient.length > 0 && typedByTheClient.every((m) => m.codes.every(tscCanSee)))
})

test('the broken schema fails Prisma validation once, at the line the README names', () => {
  const wasm = createRequire(import.meta.url)('@prisma/prisma-schema-wasm')
  const schemaFile = path.join(examples, 'broken-schema', 'schema.prisma')
  const text = readFileSync(schemaFile, 'utf8')
  assert.throws(
    () => wasm.get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', text]], noColor: true })),
    (error) => {
      const { message } = JSON.parse(String(error.message ?? error))
      assert.match(message, /Validation Error Count: 1\b/)
      assert.match(message, /-->\s+schema\.prisma:22\b/)
      return true
    },
  )
  assert.match(readFileSync(path.join(examples, 'README.md'), 'utf8'), /\| `schema-error` \| `broken-schema\/schema\.prisma:22`/)
})

test('missing-factory lines in the README are the model lines of the models the broken set lacks', () => {
  const schemaLines = readFileSync(path.join(examples, 'prisma', 'schema.prisma'), 'utf8').split('\n')
  const models = new Map(schemaLines.flatMap((text, i) => {
    const m = /^model (\w+) \{/.exec(text)
    return m ? [[m[1], i + 1]] : []
  }))
  // Models the broken factories name in super("…") or as their model type argument (a factory's
  // signals vote; a super string that names no model leaves the type argument to decide).
  const covered = new Set(brokenFiles.flatMap((file) => {
    const text = readFileSync(file, 'utf8')
    return [...text.matchAll(/super\("(\w+)"/g), ...text.matchAll(/extends EnhancedDatabaseFactory<\s*(\w+)/g)]
      .map((m) => m[1]).filter((name) => models.has(name))
  }))
  const expected = [...models].filter(([name]) => !covered.has(name)).map(([, line]) => line)
  const row = /^\| `missing-factory` \| `prisma\/schema\.prisma:([\d, ]+)`/m.exec(readFileSync(path.join(examples, 'README.md'), 'utf8'))
  assert.ok(row, 'README has no missing-factory row')
  assert.deepEqual(row[1].split(',').map((n) => Number(n.trim())), expected)
})

test('the clean set has one consistent factory per model (the defects tsc cannot see are absent)', () => {
  const schemaText = readFileSync(path.join(examples, 'prisma', 'schema.prisma'), 'utf8')
  const models = [...schemaText.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]).sort()
  const cleanDir = path.join(examples, 'src', 'fixtures', 'db')
  const factories = []
  for (const file of tsFilesUnder(cleanDir)) {
    const text = readFileSync(file, 'utf8')
    const head = /extends EnhancedDatabaseFactory<\s*(\w+),\s*Prisma\.(\w+),\s*Prisma\.(\w+),\s*Prisma\.(\w+)\s*>/.exec(text)
    if (!head) continue
    const model = /super\("(\w+)"/.exec(text)?.[1]
    const delegate = /return this\.prisma\.(\w+);/.exec(text)?.[1]
    const where = rel(file)
    factories.push(model)
    assert.ok(models.includes(model), `${where}: super("${model}") names no model`)
    // Prisma's naming: the row type and inputs use the model name verbatim, the delegate lower-cases
    // only its first character.
    assert.equal(delegate, model[0].toLowerCase() + model.slice(1), `${where}: delegate`)
    assert.equal(head[1], model, `${where}: row type`)
    assert.match(head[2], new RegExp(`^${model}(Unchecked)?CreateInput$`), `${where}: create type`)
    assert.equal(head[3], `${model}Include`, `${where}: include type`)
    assert.match(head[4], new RegExp(`^${model}(Unchecked)?UpdateInput$`), `${where}: update type`)
  }
  assert.deepEqual(factories.sort(), models)
})

/** Relative imports of each file, resolved to files (`.js` specifiers name the `.ts` source). */
function importGraph(files) {
  return new Map(files.map((file) => [file, [...readFileSync(file, 'utf8').matchAll(/^import\s+(?!type\b)[^'"]*['"](\.{1,2}\/[^'"]+)['"]/gm)]
    .map((m) => path.resolve(path.dirname(file), m[1]).replace(/\.js$/, '.ts'))]))
}

function cyclesIn(graph) {
  const cycles = []
  const visit = (file, stack) => {
    const at = stack.indexOf(file)
    if (at >= 0) return cycles.push(stack.slice(at).map(rel).join(' -> '))
    for (const next of graph.get(file) ?? []) visit(next, [...stack, file])
  }
  for (const file of [...graph.keys()].sort()) visit(file, [])
  return [...new Set(cycles.map((c) => c.split(' -> ').sort().join(' <-> ')))]
}

test('import cycles: none in the clean set, exactly the marked one in the broken set', () => {
  assert.deepEqual(cyclesIn(importGraph(tsFilesUnder(path.join(examples, 'src')))), [])
  const cycleMarkers = markers.filter((m) => m.codes.includes('import-cycle')).map((m) => rel(m.file))
  assert.deepEqual(cyclesIn(importGraph(brokenFiles)), ['broken/memberFixtures.ts <-> broken/teamFixtures.ts'])
  assert.deepEqual(cycleMarkers, ['broken/memberFixtures.ts'])
})
