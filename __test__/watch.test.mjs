// Sessions and watches on real files in a temp copy of examples/: `ValidationSession`,
// `watchFactories` and `fixture-native validate --watch`. Each change (an edit, an editor's atomic
// save, a delete, an add, a schema broken mid-edit) gives one report, and the report is what a
// fresh `validateFactories` says.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawn, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { ValidationSession, validateFactories, watchFactories, runCli } from '../index.js'

const examples = fileURLToPath(new URL('../examples/', import.meta.url))
const bin = fileURLToPath(new URL('../bin/fixture-native.js', import.meta.url))

function copyOfExamples(t) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'fixture-native-watch-')))
  fs.cpSync(examples, dir, { recursive: true })
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A report without what differs between runs. */
const essence = (report) => JSON.stringify({ ...report, durationMs: 0 })
const codes = (diagnostics) => diagnostics.map((d) => `${path.basename(d.file)}:${d.line} ${d.code}`).sort()

/** The reports of a watch, one at a time, each awaited with a timeout. */
function reports() {
  const queue = []
  const waiting = []
  const push = (item) => (waiting.length ? waiting.shift()(item) : queue.push(item))
  const next = (what, ms = 10_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no report within ${ms} ms after ${what}`)), ms)
      const take = ({ err, update }) => {
        clearTimeout(timer)
        err ? reject(err) : resolve(update)
      }
      queue.length ? take(queue.shift()) : waiting.push(take)
    })
  // A write the OS splits (a loaded machine pausing between open and write) may give an
  // intermediate report first: take reports until the one the step expects, at most three.
  const until = async (what, expected) => {
    for (let i = 0; ; i++) {
      const update = await next(what)
      if (expected(update) || i === 2) return update
    }
  }
  return { callback: (err, update) => push({ err, update }), next, until, pending: () => queue.length }
}

test('ValidationSession: checkFile gives the diagnostics of that file; report() is validateFactories', () => {
  const options = { cwd: examples, config: 'broken.config.json' }
  const session = new ValidationSession(options)
  const fresh = validateFactories(options)
  assert.equal(essence(session.report()), essence(fresh))
  const file = path.join(examples, 'broken/tagFixtures.ts')
  const one = session.checkFile(file)
  assert.deepEqual(one.diagnostics, fresh.diagnostics.filter((d) => d.file === file))
  assert.ok(one.diagnostics.length > 0 && !one.ok)
  // An unsaved buffer: the text given, not the disk.
  const fixed = fs.readFileSync(file, 'utf8').replace('Prisma.TagCreateInput', 'Prisma.tagCreateInput')
  assert.ok(!codes(session.checkFile(file, fixed).diagnostics).includes('tagFixtures.ts:5 unknown-prisma-type'))
  assert.deepEqual(session.checkFile(file).diagnostics, one.diagnostics)
  // Outside the configured factories: nothing.
  assert.deepEqual(session.checkFile(path.join(examples, 'src/fixtures/db/TagDbFactory.ts')).diagnostics, [])
  assert.throws(() => new ValidationSession({ cwd: 42 }), { name: 'TypeError', message: /^ValidationSession: options\.cwd must be/ })
})

test('ValidationSession notices a schema edit by itself', (t) => {
  const dir = copyOfExamples(t)
  const session = new ValidationSession({ cwd: dir, config: 'fixture-native.config.json' })
  const tags = path.join(dir, 'src/fixtures/db/tagFixtures.ts')
  assert.deepEqual(session.checkFile(tags).diagnostics, [])
  const schema = path.join(dir, 'prisma/schema.prisma')
  fs.writeFileSync(schema, fs.readFileSync(schema, 'utf8').replace(/^(\s+)tag(\s+)String/m, '$1label$2String'))
  const after = session.checkFile(tags)
  assert.ok(codes(after.diagnostics).some((c) => c.endsWith('unknown-field')), JSON.stringify(after.diagnostics))
})

test('ValidationSession.update: what changed on disk since the last report, and the whole report', (t) => {
  const dir = copyOfExamples(t)
  const options = { cwd: dir, config: 'fixture-native.config.json' }
  const session = new ValidationSession(options)
  const tags = path.join(dir, 'src/fixtures/db/tagFixtures.ts')
  const text = fs.readFileSync(tags, 'utf8')
  fs.writeFileSync(tags, text.replace('tag: "minimal"', 'tagg: "minimal"'))
  const u = session.update(['src/fixtures/db/tagFixtures.ts'])
  assert.deepEqual(codes(u.added), ['tagFixtures.ts:6 missing-required-field', 'tagFixtures.ts:8 unknown-field'])
  assert.deepEqual(u.removed, [])
  assert.equal(u.latencyMs, undefined)
  assert.equal(essence(u.report), essence(validateFactories(options)))
  fs.writeFileSync(tags, text)
  const back = session.update([tags])
  assert.deepEqual(back.added, [])
  assert.equal(back.removed.length, 2)
  assert.ok(back.report.ok)
})

test('watchFactories: edit, rename-save, delete, add and a broken schema each give one right report', async (t) => {
  const dir = copyOfExamples(t)
  const options = { cwd: dir, config: 'fixture-native.config.json' }
  const { callback, next, until, pending } = reports()
  const watch = watchFactories(options, callback)
  t.after(() => watch.close())
  const agrees = (update, step) => assert.equal(essence(update.report), essence(validateFactories(options)), step)

  const first = await next('the start')
  assert.ok(first.report.ok)
  assert.equal(first.added.length, first.report.diagnostics.length)

  const tags = path.join(dir, 'src/fixtures/db/tagFixtures.ts')
  const text = fs.readFileSync(tags, 'utf8')
  fs.writeFileSync(tags, text.replace('tag: "minimal"', 'tagg: "minimal"'))
  let u = await until('an edit', (u) => u.report.diagnostics.length > 0)
  assert.deepEqual(codes(u.added), ['tagFixtures.ts:6 missing-required-field', 'tagFixtures.ts:8 unknown-field'])
  assert.deepEqual(u.removed, [])
  assert.deepEqual(u.paths, [tags])
  assert.ok(u.latencyMs > 0)
  agrees(u, 'an edit')

  // An editor's atomic save: write a temp file, rename it over the original.
  const temp = path.join(dir, 'src/fixtures/db/.tagFixtures.ts.swp')
  fs.writeFileSync(temp, text)
  fs.renameSync(temp, tags)
  u = await next('a rename-save')
  assert.deepEqual(u.added, [])
  assert.equal(u.removed.length, 2)
  assert.ok(u.report.ok)
  agrees(u, 'a rename-save')

  const teamTag = path.join(dir, 'src/fixtures/db/TeamTagDbFactory.ts')
  const teamTagText = fs.readFileSync(teamTag, 'utf8')
  fs.rmSync(teamTag)
  u = await next('a delete')
  assert.deepEqual(u.added.map((d) => d.code), ['missing-factory'])
  agrees(u, 'a delete')

  fs.writeFileSync(path.join(dir, 'src/fixtures/db/TeamTagFactory.ts'), teamTagText)
  u = await until('an add', (u) => u.removed.length > 0)
  assert.deepEqual(u.removed.map((d) => d.code), ['missing-factory'])
  assert.ok(u.report.ok)
  agrees(u, 'an add')

  const schema = path.join(dir, 'prisma/schema.prisma')
  const schemaText = fs.readFileSync(schema, 'utf8')
  fs.writeFileSync(schema, `${schemaText}\nmodel Broken {\n  id Int @id\n`)
  u = await next('a schema syntax error')
  assert.ok(!u.report.ok)
  assert.deepEqual([...new Set(u.report.diagnostics.map((d) => d.code))], ['schema-error'])
  agrees(u, 'a schema syntax error')

  fs.writeFileSync(schema, schemaText)
  u = await next('the schema fixed')
  assert.ok(u.report.ok, JSON.stringify(u.report.diagnostics))
  agrees(u, 'the schema fixed')

  // A file outside the project: no report.
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'hello')
  await new Promise((resolve) => setTimeout(resolve, 300))
  assert.equal(pending(), 0)
  watch.close()
  watch.close()
})

test('validate --watch prints what changed and the total; --format json a line per report; Ctrl-C exits 130', async (t) => {
  const dir = copyOfExamples(t)
  const child = spawn(process.execPath, [bin, 'validate', '--watch', '--format', 'json', '--config', 'fixture-native.config.json'], { cwd: dir })
  t.after(() => child.kill('SIGKILL'))
  let out = ''
  let err = ''
  const lines = []
  const waiters = []
  child.stderr.on('data', (b) => (err += b))
  child.stdout.on('data', (b) => {
    out += b
    let at
    while ((at = out.indexOf('\n')) >= 0) {
      const line = JSON.parse(out.slice(0, at))
      out = out.slice(at + 1)
      waiters.length ? waiters.shift()(line) : lines.push(line)
    }
  })
  const next = (what) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no line after ${what}; stderr: ${err}`)), 10_000)
      const take = (line) => (clearTimeout(timer), resolve(line))
      lines.length ? take(lines.shift()) : waiters.push(take)
    })
  const first = await next('the start')
  assert.deepEqual([first.errorCount, first.warningCount, first.ok], [0, 0, true])

  const tags = path.join(dir, 'src/fixtures/db/tagFixtures.ts')
  const text = fs.readFileSync(tags, 'utf8')
  fs.writeFileSync(tags, text.replace('tag: "minimal"', 'tagg: "minimal"'))
  const edited = await next('an edit')
  assert.deepEqual(edited.changed, ['src/fixtures/db/tagFixtures.ts'])
  assert.deepEqual(edited.added.map((d) => d.code).sort(), ['missing-required-field', 'unknown-field'])
  assert.equal(edited.errorCount, 2)

  fs.writeFileSync(tags, text)
  const fixed = await next('the fix')
  assert.equal(fixed.removed.length, 2)
  assert.equal(fixed.errorCount, 0)

  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  child.kill('SIGINT')
  assert.deepEqual(await exited, { code: 130, signal: null })
  assert.equal(err, '')
})

test('validate --watch in pretty: the whole report first, then the change and the total', async (t) => {
  const dir = copyOfExamples(t)
  const child = spawn(process.execPath, [bin, 'validate', '--watch', '--config', 'fixture-native.config.json'], { cwd: dir })
  t.after(() => child.kill('SIGKILL'))
  let out = ''
  const until = (pattern, what) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what}: ${pattern} not in\n${out}`)), 10_000)
      const check = () => pattern.test(out) && (clearTimeout(timer), child.stdout.off('data', onData), resolve())
      const onData = (b) => ((out += b), check())
      child.stdout.on('data', onData)
      check()
    })
  await until(/No problems found[^\n]*\nWatching for changes \(Ctrl-C to stop\)\n/, 'the start')
  const tags = path.join(dir, 'src/fixtures/db/tagFixtures.ts')
  fs.writeFileSync(tags, fs.readFileSync(tags, 'utf8').replace('tag: "minimal"', 'tagg: "minimal"'))
  await until(/src\/fixtures\/db\/tagFixtures\.ts changed \([\d.]+ ms\)\n\nsrc\/fixtures\/db\/tagFixtures\.ts:6:14 - error missing-required-field[\s\S]*tagFixtures\.ts:8:5 - error unknown-field[\s\S]*total: 2 errors, 0 warnings in \d+ files\n/, 'an edit')
  assert.ok(!/12 factories in/.test(out.slice(out.indexOf('changed'))), 'no whole summary after the first report')
})

test('validate --watch: wrong usage exits 2 with a clear message; runCli refuses --watch', () => {
  const r = spawnSync(process.execPath, [bin, 'validate', '--watch', '--fix'], { cwd: examples, encoding: 'utf8' })
  assert.equal(r.status, 2)
  assert.match(r.stderr, /--fix/)
  const sarif = spawnSync(process.execPath, [bin, 'validate', '--watch', '--format', 'sarif', '--config', 'fixture-native.config.json'], { cwd: examples, encoding: 'utf8' })
  assert.equal(sarif.status, 2)
  assert.match(sarif.stderr, /--format takes pretty or json/)
  const missing = spawnSync(process.execPath, [bin, 'validate', '--watch', '--config', 'no-such.config.json'], { cwd: examples, encoding: 'utf8' })
  assert.equal(missing.status, 2)
  assert.match(missing.stderr, /no-such\.config\.json/)
  const inProcess = runCli(['validate', '--watch'], examples)
  assert.equal(inProcess.exitCode, 2)
  assert.match(inProcess.stderr, /--watch runs from the command line/)
})
