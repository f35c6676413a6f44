// The ESLint plugin (runners/eslint.js) inside ESLint 9 itself: every rule through ESLint's
// RuleTester (valid, invalid at the exact range, the fix's output, the suggestions); the bundled
// broken example linted file by file gives the validator's diagnostics at the `// expect:` markers
// and the validator's exact ranges; `--fix` writes what `validate --fix` writes; the clean set is
// silent; setup errors are one report, never a crash; one session per project.
import { after, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ESLint, Linter, RuleTester } from 'eslint'
import tsParser from '@typescript-eslint/parser'

const require = createRequire(import.meta.url)
const native = require('../binding.js')
// Counts the sessions the plugin builds (it reads the constructor from the binding at each use).
const RealSession = native.ValidationSession
let sessionsBuilt = 0
native.ValidationSession = class CountedSession extends RealSession {
  constructor(options) {
    super(options)
    sessionsBuilt += 1
  }
}
const plugin = require('../runners/eslint.js')

const repo = fileURLToPath(new URL('..', import.meta.url))
const examples = path.join(repo, 'examples')
const bin = path.join(repo, 'bin/fixture-native.js')
const rel = (file) => path.relative(examples, file).split(path.sep).join('/')
const MARKER = /\/\/\s*expect(-next-line)?:\s*(.+?)\s*$/
const CODES = native.diagnosticRules().map((r) => r.code)

const temps = []
function tempCopyOfExamples() {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'fixture-native-eslint-')))
  temps.push(dir)
  cpSync(examples, dir, { recursive: true })
  return dir
}
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true })
})

/** A flat config with every rule of the plugin at `error`, TypeScript parsed, these settings. */
function flatConfig(settings) {
  return [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser },
      plugins: { 'fixture-native': plugin },
      rules: Object.fromEntries(CODES.map((c) => [`fixture-native/${c}`, 'error'])),
      ...(settings === undefined ? {} : { settings: { 'fixture-native': settings } }),
    },
  ]
}

function tsFilesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort()
}

function lint(file, settings, cwd = examples, text = readFileSync(file, 'utf8')) {
  return new Linter({ cwd }).verify(text, flatConfig(settings), { filename: file })
}

const span = (m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`

// RuleTester: every rule, by its code (a code without cases fails the suite). Invalid cases are a
// clean example file with one token drifted, linted under the clean file's path with the edited
// text (the session checks the text ESLint holds, not the file on disk): the report must sit
// exactly on the drifted token, and a fix or suggestion must give the clean file back.
RuleTester.describe = describe
RuleTester.it = test
RuleTester.itOnly = test.only

const CLEAN = { cwd: examples, config: 'fixture-native.config.json' }
const BROKEN = { cwd: examples, config: 'broken.config.json' }
const source = (rel) => ({ filename: path.join(examples, rel), code: readFileSync(path.join(examples, rel), 'utf8') })

/** `text` with the `nth` (0-based) `from` replaced by `to`, and the span of `to` there (1-based, end exclusive). */
function drift(text, from, to, nth = 0) {
  let index = -1
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(from, index + 1)
    assert.ok(index >= 0, `${from} occurs ${nth + 1} times`)
  }
  const code = text.slice(0, index) + to + text.slice(index + from.length)
  return { code, ...spanAt(code, index, to.length) }
}

function spanAt(text, index, length) {
  const before = text.slice(0, index).split('\n')
  const end = text.slice(0, index + length).split('\n')
  return { line: before.length, column: before.at(-1).length + 1, endLine: end.length, endColumn: end.at(-1).length + 1 }
}

/**
 * An invalid case: `rel`'s text with `from` (its `nth` occurrence) drifted to `to`, one report on
 * `mark` (default: all of `to`; its `markNth` occurrence in the drifted text, or a function of
 * the drifted text giving the span), the fix's output `fixed`, the one suggestion `suggested`
 * ({ desc, output }; null: none), and the message matching `message`.
 */
function drifted(rel, from, to, { settings = CLEAN, nth = 0, mark, markNth = 0, fixed, suggested, message } = {}) {
  const file = source(rel)
  const { code, ...span } = drift(file.code, from, to, nth)
  const at = mark === undefined ? span : typeof mark === 'function' ? mark(code) : spanOf(code, mark, markNth)
  const error = { ...at, message: message ?? /./ }
  if (suggested !== undefined) error.suggestions = suggested === null ? [] : [suggested]
  return { name: `${rel}: ${JSON.stringify(from)} → ${JSON.stringify(to)}`, filename: file.filename, code, settings: { 'fixture-native': settings }, errors: [error], output: fixed ?? null }
}

function spanOf(text, mark, nth = 0) {
  let index = -1
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(mark, index + 1)
    assert.ok(index >= 0, `${mark} occurs ${nth + 1} times`)
  }
  return spanAt(text, index, mark.length)
}

/** A committed file that must be reported as it is (its report on `mark`). */
function committed(rel, settings, mark, extra = {}) {
  const file = source(rel)
  return { name: `${rel} as committed`, ...file, settings: { 'fixture-native': settings }, errors: [{ ...spanOf(file.code, mark), message: /./, ...extra }], output: null }
}

const valid = (rel, settings = CLEAN) => ({ name: `${rel} as committed`, ...source(rel), settings: { 'fixture-native': settings } })
const replaceWith = (text) => `Replace with \`${text}\``

const TAG_FACTORY = 'src/fixtures/db/TagDbFactory.ts'
const TAG_FIXTURES = 'src/fixtures/db/tagFixtures.ts'
const USER_FIXTURES = 'src/fixtures/db/userFixtures.ts'
const clean = (rel) => source(rel).code

const ruleCases = {
  'parse-error': () => ({
    valid: [valid(TAG_FIXTURES)],
    // Most syntax errors stop ESLint's parser first (its own parsing error, no rule runs); a
    // top-level `return` passes it, and TypeScript rejects it (TS1108) as our parser does.
    invalid: [drifted(TAG_FIXTURES, 'export const tagRename', 'return minimalTag;\n\nexport const tagRename', { mark: 'return', message: /A 'return' statement can only be used within a function body/ })],
  }),
  'schema-error': () => ({
    valid: [valid(TAG_FIXTURES)],
    // The schema is not in the linted file: its error stands at line 1, with Prisma's message.
    invalid: [{ name: `${TAG_FIXTURES} under the broken schema`, ...source(TAG_FIXTURES), settings: { 'fixture-native': { cwd: examples, config: 'broken-schema.config.json' } }, errors: [{ line: 1, column: 1, message: /ReminderList/ }] }],
  }),
  // Located in the schema, which ESLint does not lint: never reported, though validate reports five.
  'missing-factory': () => ({ valid: [valid('broken/tagFixtures.ts', BROKEN), valid(TAG_FIXTURES)], invalid: [] }),
  'unknown-model': () => ({
    valid: [valid(TAG_FACTORY)],
    invalid: [
      drifted(TAG_FACTORY, 'super("tag"', 'super("Tag"', { mark: '"Tag"', message: /"Tag" is not a model of the schema/, suggested: { desc: replaceWith('"tag"'), output: clean(TAG_FACTORY) } }),
      // No model is close enough to suggest one.
      drifted(TAG_FACTORY, 'super("tag"', 'super("labels"', { mark: '"labels"', message: /"labels" is not a model/, suggested: null }),
    ],
  }),
  'unknown-prisma-type': () => ({
    valid: [valid(TAG_FIXTURES)],
    invalid: [
      // Only case differs: the one right name, a safe fix.
      drifted(TAG_FIXTURES, 'Prisma.tagCreateInput', 'Prisma.TagCreateInput', { fixed: clean(TAG_FIXTURES) }),
      // A likely name, not a certain one: a suggestion.
      drifted(TAG_FIXTURES, 'Prisma.tagCreateInput', 'Prisma.tagCreatInput', { suggested: { desc: replaceWith('Prisma.tagCreateInput'), output: clean(TAG_FIXTURES) } }),
    ],
  }),
  'type-model-mismatch': () => ({
    valid: [valid(TAG_FACTORY)],
    invalid: [drifted(TAG_FACTORY, 'Prisma.tagUpdateInput\n', 'Prisma.UserUpdateInput\n', { mark: 'Prisma.UserUpdateInput', suggested: { desc: replaceWith('Prisma.tagUpdateInput'), output: clean(TAG_FACTORY) } })],
  }),
  'unknown-delegate': () => ({
    valid: [valid(TAG_FACTORY)],
    invalid: [drifted(TAG_FACTORY, 'this.prisma.tag;', 'this.prisma.tags;', { mark: 'tags', suggested: { desc: replaceWith('tag'), output: clean(TAG_FACTORY) } })],
  }),
  'delegate-mismatch': () => ({
    valid: [valid(TAG_FACTORY)],
    invalid: [drifted(TAG_FACTORY, 'this.prisma.tag;', 'this.prisma.member;', { mark: 'member', suggested: { desc: replaceWith('tag'), output: clean(TAG_FACTORY) } })],
  }),
  'missing-abstract-method': () => ({
    valid: [valid(TAG_FACTORY)],
    invalid: [drifted(TAG_FACTORY, '    protected getPrismaDelegate() {\n        return this.prisma.tag;\n    }\n\n', '', { mark: 'TagDbFactory', message: /getPrismaDelegate/ })],
  }),
  'missing-fixture-category': () => {
    // Reported on the object `getFixtures()` returns (its opening brace); the suggestion adds the
    // category after the last one.
    const returned = (code) => code.indexOf('return {', code.indexOf('getFixtures()')) + 'return '.length
    const { code } = drift(clean(TAG_FACTORY), 'edgeCases: {', 'edgeCasez: {')
    const output = code.replace('            },\n        };\n    }\n}', '            },\n            edgeCases: {},\n        };\n    }\n}')
    assert.notEqual(output, code)
    return {
      valid: [valid(TAG_FACTORY)],
      invalid: [drifted(TAG_FACTORY, 'edgeCases: {', 'edgeCasez: {', {
        mark: (text) => spanAt(text, returned(text), 1),
        message: /lacks the required category `edgeCases`/,
        suggested: { desc: 'Insert `, edgeCases: {}`', output },
      })],
    }
  },
  'missing-required-field': () => ({
    valid: [valid(TAG_FIXTURES)],
    invalid: [drifted(TAG_FIXTURES, '{ id: generatePK(), tag: "typescript" }', '{ id: generatePK() }', { mark: '{ id: generatePK() }', message: /tag/ })],
  }),
  'unknown-field': () => {
    const foreignKey = (name) => ['    tag: "' + name + '",\n', '    tag: "' + name + '",\n    createdById: generatePK(),\n']
    const inMinimal = drift(clean(TAG_FIXTURES), ...foreignKey('minimal')).code
    const inTranslated = drift(clean(TAG_FIXTURES), ...foreignKey('translated')).code
    return {
      valid: [valid(TAG_FIXTURES)],
      invalid: [
        // A foreign key on the relation-style input of an object nothing else touches: the safe fix
        // is the declared type that takes foreign keys (the object stays the same at run time).
        drifted(TAG_FIXTURES, ...foreignKey('translated'), {
          mark: 'createdById: generatePK()',
          message: /`createdById` is a foreign key, which `Prisma.tagCreateInput` does not take/,
          fixed: inTranslated.replace('translatedTag: Prisma.tagCreateInput', 'translatedTag: Prisma.tagUncheckedCreateInput'),
        }),
        // The same on an object read elsewhere (seedTags spreads it): the relation is a suggestion.
        drifted(TAG_FIXTURES, ...foreignKey('minimal'), {
          mark: 'createdById: generatePK()',
          message: /not applied by --fix/,
          suggested: { desc: replaceWith('createdBy: { connect: { id: generatePK() } }'), output: inMinimal.replace('createdById: generatePK()', 'createdBy: { connect: { id: generatePK() } }') },
        }),
        // A renamed field: its closest name is a suggestion.
        drifted(TAG_FIXTURES, 'tag: "typescript"', 'tagg: "typescript"', { mark: 'tagg', suggested: { desc: replaceWith('tag'), output: clean(TAG_FIXTURES) } }),
      ],
    }
  },
  'mixed-relation-input': () => ({
    valid: [valid(TAG_FIXTURES)],
    invalid: [drifted(TAG_FIXTURES, 'createdBy: { connect: { publicId: "seeduser0001" } } }', 'createdBy: { connect: { publicId: "seeduser0001" } }, createdById: generatePK() }', { mark: 'createdById' })],
  }),
  'field-type-mismatch': () => ({
    valid: [valid(TAG_FIXTURES)],
    invalid: [drifted(TAG_FIXTURES, 'tag: "minimal"', 'tag: 123', { mark: '123' })],
  }),
  'invalid-enum-value': () => ({
    valid: [valid(USER_FIXTURES)],
    invalid: [drifted(USER_FIXTURES, 'status: "Active"', 'status: "Actve"', { mark: '"Actve"', suggested: { desc: replaceWith('"Active"'), output: clean(USER_FIXTURES) } })],
  }),
  'bigint-literal-target': () => {
    // The broken set's tsconfig targets ES2019, where `7n` does not compile.
    const rel = 'broken/tagFixtures.ts'
    const { code } = drift(clean(rel), 'id: generatePK(),\n    tag: "minimal"', 'id: 7n,\n    tag: "minimal"')
    return {
      valid: [valid(rel, BROKEN)],
      invalid: [drifted(rel, 'id: generatePK(),\n    tag: "minimal"', 'id: 7n,\n    tag: "minimal"', { settings: BROKEN, mark: '7n', suggested: { desc: replaceWith('BigInt(7)'), output: code.replace('id: 7n', 'id: BigInt(7)') } })],
    }
  },
  'unresolved-import': () => ({
    valid: [valid(USER_FIXTURES)],
    invalid: [drifted(USER_FIXTURES, 'generatePublicId }', 'generatePublicID }', { mark: 'generatePublicID', suggested: { desc: replaceWith('generatePublicId'), output: clean(USER_FIXTURES) } })],
  }),
  'import-cycle': () => ({
    valid: [valid(TAG_FIXTURES)],
    invalid: [committed('broken/memberFixtures.ts', BROKEN, '"./teamFixtures.js"')],
  }),
  'invalid-fixture-accepted': () => ({
    valid: [valid(TAG_FACTORY)],
    invalid: [drifted(TAG_FACTORY, '            invalid: {\n', '            invalid: {\n                copied: { id: this.generateId(), tag: "fine" },\n', { mark: 'copied' })],
  }),
  'value-exceeds-column': () => ({
    valid: [valid(TAG_FIXTURES)],
    invalid: [drifted(TAG_FIXTURES, 'tag: "minimal"', 'tag: "t".repeat(129)', { mark: '"t".repeat(129)' })],
  }),
  'client-not-generated': () => ({
    valid: [valid(TAG_FIXTURES)],
    invalid: [committed('ungenerated-client/seed.ts', { cwd: examples, config: 'ungenerated-client.config.json' }, '"./generated/client.js"')],
  }),
  // Reported by verifyFactories against a database, never by the static check.
  'verify-failed': () => ({ valid: [valid(TAG_FIXTURES), valid('broken/tagFixtures.ts', BROKEN)], invalid: [] }),
}

describe('RuleTester: every rule', () => {
  const tester = new RuleTester({ languageOptions: { parser: tsParser } })
  test('every diagnostic code has RuleTester cases', () => {
    assert.deepEqual(Object.keys(ruleCases).sort(), [...CODES].sort())
  })
  for (const code of CODES) {
    if (!ruleCases[code]) continue
    tester.run(`fixture-native/${code}`, plugin.rules[code], ruleCases[code]())
  }
})

describe('the bundled example through ESLint, file by file', () => {
  const broken = { config: 'broken.config.json' }

  test('the broken set: exactly the `// expect:` markers, at the validator\'s exact ranges', () => {
    const report = native.validateFactories({ cwd: examples, config: 'broken.config.json' })
    const problems = []
    for (const file of tsFilesUnder(path.join(examples, 'broken'))) {
      const text = readFileSync(file, 'utf8')
      const messages = lint(file, broken)
      // The markers: the codes each line must carry.
      const expected = []
      text.split('\n').forEach((line, i) => {
        const m = MARKER.exec(line)
        if (m) for (const code of m[2].split(',').map((c) => c.trim()).filter(Boolean)) expected.push(`${i + 1 + (m[1] ? 1 : 0)} ${code}`)
      })
      // A file ESLint's parser rejects never reaches the rules: its parse error stands at our line.
      const got = messages.map((m) => `${m.line} ${m.fatal ? 'parse-error' : m.ruleId.replace('fixture-native/', '')}`)
      if (JSON.stringify(got.sort()) !== JSON.stringify(expected.sort())) problems.push(`${rel(file)}: expected ${expected}, got ${got}`)
      // The ranges: ESLint's messages, like the validator, count lines and columns from 1.
      const ours = report.diagnostics
        .filter((d) => d.file === file && d.code !== 'parse-error')
        .map((d) => `${d.code} ${d.line}:${d.column}-${d.endLine}:${d.endColumn}`)
      const theirs = messages.filter((m) => !m.fatal).map((m) => `${m.ruleId.replace('fixture-native/', '')} ${span(m)}`)
      if (JSON.stringify(theirs.sort()) !== JSON.stringify(ours.sort())) problems.push(`${rel(file)}: ranges ${theirs} vs the validator's ${ours}`)
    }
    assert.deepEqual(problems, [])
  })

  test('a file named through a symlinked folder (a pnpm workspace link) gets what its real path gets', () => {
    const dir = tempCopyOfExamples()
    const link = `${dir}-link`
    symlinkSync(dir, link, 'dir')
    temps.push(link)
    const summary = (messages) => messages.map((m) => `${m.ruleId} ${span(m)} ${m.message}`)
    let reported = 0
    for (const file of tsFilesUnder(path.join(dir, 'broken'))) {
      const real = summary(lint(file, broken, dir))
      const viaLink = path.join(link, path.relative(dir, file))
      reported += real.length
      assert.deepEqual(summary(lint(viaLink, broken, link)), real, path.relative(dir, file))
    }
    assert.ok(reported > 50, `${reported} messages`)
    // Without settings: the project found from the link's folder upwards.
    const tags = path.join(link, 'src/fixtures/db/TagDbFactory.ts')
    const drifted = readFileSync(tags, 'utf8').replace('tag: ', 'tagg: ')
    const viaLink = summary(lint(tags, undefined, link, drifted))
    assert.ok(viaLink.some((m) => m.startsWith('fixture-native/unknown-field ')), viaLink.join('\n'))
    assert.deepEqual(viaLink, summary(lint(path.join(dir, 'src/fixtures/db/TagDbFactory.ts'), undefined, dir, drifted)))
  })

  test('the clean set is silent', () => {
    const files = [...tsFilesUnder(path.join(examples, 'src')), path.join(examples, 'prisma/seed.ts')]
    assert.ok(files.length > 10)
    for (const file of files) assert.deepEqual(lint(file, undefined), [], rel(file))
  })

  test('eslint --fix writes what `validate --fix` writes', async () => {
    const byValidator = tempCopyOfExamples()
    const byEslint = tempCopyOfExamples()
    // Exit 1: errors without a safe fix remain.
    const fixRun = spawnSync(process.execPath, [bin, 'validate', '--config', 'broken.config.json', '--fix'], { cwd: byValidator, encoding: 'utf8' })
    assert.equal(fixRun.status, 1, fixRun.stderr)
    const eslint = new ESLint({ cwd: byEslint, overrideConfigFile: true, overrideConfig: flatConfig(broken), fix: true })
    const results = await eslint.lintFiles(['broken/**/*.ts'])
    await ESLint.outputFixes(results)
    let changed = 0
    for (const file of tsFilesUnder(path.join(byValidator, 'broken'))) {
      const mine = path.join(byEslint, path.relative(byValidator, file))
      const fixed = readFileSync(file, 'utf8')
      assert.equal(readFileSync(mine, 'utf8'), fixed, path.relative(byValidator, file))
      if (fixed !== readFileSync(path.join(examples, path.relative(byValidator, file)), 'utf8')) changed += 1
    }
    assert.ok(changed >= 3, `validate --fix changed ${changed} files`)
  })
})

describe('ranges and fixes in any text', () => {
  // Our columns are UTF-16 units like ESLint's; lines end at \n or \r\n for both; ESLint lints
  // the text without its byte order mark and writes it back.
  for (const [label, prefix, eol, emoji] of [['CRLF line ends', '', '\r\n', ''], ['a byte order mark', '\uFEFF', '\n', ''], ['astral characters before the span', '', '\n', '😀😀']]) {
    test(label, () => {
      const clean = prefix + readFileSync(path.join(examples, TAG_FIXTURES), 'utf8').replaceAll('\n', eol).replace('tag: "translated"', `tag: "${emoji}translated"`)
      const drifted = clean.replace('Prisma.tagCreateInput', 'Prisma.TagCreateInput').replace('tag: "typescript" }', `tag: "${emoji}typescript", tagg: 1 }`)
      const config = flatConfig(CLEAN)
      const linter = new Linter({ cwd: examples })
      const messages = linter.verify(drifted, config, { filename: path.join(examples, TAG_FIXTURES) })
      const lines = drifted.replace(/^\uFEFF/, '').split(/\r?\n/)
      assert.deepEqual(messages.map((m) => `${m.ruleId} ${lines[m.line - 1].slice(m.column - 1, m.endColumn - 1)}`).sort(), ['fixture-native/unknown-field tagg', 'fixture-native/unknown-prisma-type Prisma.TagCreateInput'])
      assert.equal(linter.verifyAndFix(drifted, config, { filename: path.join(examples, TAG_FIXTURES) }).output, drifted.replace('Prisma.TagCreateInput', 'Prisma.tagCreateInput'))
    })
  }
})

describe('setup errors and files no project configures', () => {
  const schemaErrors = (messages) => messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`)

  test('a broken schema: one schema-error at line 1 of the linted file, with the validator\'s message', () => {
    const messages = lint(path.join(examples, 'src/fixtures/db/TagDbFactory.ts'), { config: 'broken-schema.config.json' })
    assert.equal(messages.length, 1, schemaErrors(messages).join('\n'))
    assert.equal(messages[0].ruleId, 'fixture-native/schema-error')
    assert.equal(messages[0].line, 1)
    assert.match(messages[0].message, /ReminderList/)
  })

  test('a config that does not exist, or settings of the wrong shape: one schema-error naming it', () => {
    const file = path.join(examples, 'src/fixtures/db/TagDbFactory.ts')
    const missing = lint(file, { config: 'no-such.config.json' })
    assert.deepEqual(schemaErrors(missing).map((m) => m.split(' ').slice(0, 2).join(' ')), ['fixture-native/schema-error 1:1'])
    assert.match(missing[0].message, /no-such\.config\.json: cannot read the config file/)
    const wrong = lint(file, 'broken.config.json')
    assert.equal(wrong.length, 1)
    assert.match(wrong[0].message, /settings\["fixture-native"\] must be an object/)
    const badRule = lint(file, { rules: { 'unknown-field': 'loud' } })
    assert.match(badRule[0].message, /"loud" is not one of/)
  })

  test('outside the configured factories, in no project, or a block inside another file: nothing', () => {
    // examples/ is a project (its fixture-native.config.json), but broken/ is not among its factories.
    assert.deepEqual(lint(path.join(examples, 'broken/CreditAccountDbFactory.ts'), undefined), [])
    const lonely = realpathSync(mkdtempSync(path.join(tmpdir(), 'fixture-native-eslint-none-')))
    temps.push(lonely)
    writeFileSync(path.join(lonely, 'package.json'), '{ "name": "no-fixtures" }\n')
    const file = path.join(lonely, 'seed.ts')
    writeFileSync(file, 'export const t: Prisma.TagCreateInput = { nope: 1 };\n')
    assert.deepEqual(lint(file, undefined, lonely), [])
    const processor = {
      preprocess: (text) => [{ text, filename: 'block.ts' }],
      postprocess: (messages) => messages.flat(),
    }
    const withBlocks = [{ files: ['**/*.md'], processor }, ...flatConfig({ config: 'broken.config.json' }).map((c) => ({ ...c, files: ['**/*.ts'] }))]
    const inMarkdown = new Linter({ cwd: examples }).verify(readFileSync(path.join(examples, 'broken/tagFixtures.ts'), 'utf8'), withBlocks, { filename: path.join(examples, 'broken/tagFixtures.md') })
    assert.deepEqual(inMarkdown, [])
  })

  test('one session per project and settings, whatever the number of files and rules', () => {
    const before = sessionsBuilt
    const settings = { config: 'broken.config.json', rules: { 'import-cycle': 'error' } }
    for (const file of tsFilesUnder(path.join(examples, 'broken'))) lint(file, settings)
    assert.equal(sessionsBuilt - before, 1)
  })
})

describe('a long-lived ESLint process (an editor)', () => {
  test('an edited schema is seen by the next lint; a broken one is one schema-error, and its repair clears it', () => {
    const dir = tempCopyOfExamples()
    const file = path.join(dir, TAG_FACTORY)
    const schemaFile = path.join(dir, 'prisma/schema.prisma')
    const schema = readFileSync(schemaFile, 'utf8')
    const settings = { config: 'fixture-native.config.json' }
    assert.deepEqual(lint(file, settings, dir), [])
    // The tag column shrinks: the 128-character edge case no longer fits.
    const narrower = schema.replace('tag          String            @unique @db.VarChar(128)', 'tag          String            @unique @db.VarChar(64)')
    assert.notEqual(narrower, schema)
    writeFileSync(schemaFile, narrower)
    assert.deepEqual(lint(file, settings, dir).map((m) => `${m.ruleId} ${m.line}`), [`fixture-native/value-exceeds-column ${spanOf(readFileSync(file, 'utf8'), '"t".repeat(128)').line}`])
    writeFileSync(schemaFile, `${schema}\nmodel Broken {\n`)
    const broken = lint(file, settings, dir)
    assert.deepEqual(broken.map((m) => `${m.ruleId} ${m.line}:${m.column}`), ['fixture-native/schema-error 1:1'])
    assert.match(broken[0].message, /prisma\/schema\.prisma:\d+:\d+: /)
    writeFileSync(schemaFile, schema)
    assert.deepEqual(lint(file, settings, dir), [])
  })

  test('a factory file created after the session was built is checked too', () => {
    const dir = tempCopyOfExamples()
    const settings = { config: 'fixture-native.config.json' }
    assert.deepEqual(lint(path.join(dir, TAG_FACTORY), settings, dir), [])
    const added = path.join(dir, 'src/fixtures/db/moreTagFixtures.ts')
    const text = 'import type { Prisma } from "@prisma/client";\nexport const more: Prisma.tagCreateInput = { id: BigInt(1), tag: 123 };\n'
    writeFileSync(added, text)
    assert.deepEqual(lint(added, settings, dir, text).map((m) => `${m.ruleId} ${span(m)}`), [`fixture-native/field-type-mismatch ${[spanOf(text, '123')].map((s) => `${s.line}:${s.column}-${s.endLine}:${s.endColumn}`)}`])
    // A file that is no factory, written after the build too: asked about once, then left alone.
    const script = path.join(dir, 'prisma/other.ts')
    writeFileSync(script, text)
    assert.deepEqual(lint(script, settings, dir, text), [])
  })

  test('a project that could not be set up is tried again a little later (the config written meanwhile)', async () => {
    const dir = tempCopyOfExamples()
    const file = path.join(dir, TAG_FIXTURES)
    const settings = { config: 'later.config.json' }
    assert.match(lint(file, settings, dir)[0].message, /later\.config\.json: cannot read the config file/)
    cpSync(path.join(dir, 'fixture-native.config.json'), path.join(dir, 'later.config.json'))
    // Within the retry window the failure stands (one attempt per lint run, not one per file) …
    assert.equal(lint(file, settings, dir).length, 1)
    await new Promise((resolve) => setTimeout(resolve, 2100))
    // … after it, the project is set up and the file checked.
    assert.deepEqual(lint(file, settings, dir), [])
  })

  test('the linted text is the editor\'s buffer, not the file on disk', () => {
    const file = path.join(examples, TAG_FIXTURES)
    const buffer = readFileSync(file, 'utf8').replace('tag: "minimal"', 'tag: 123')
    assert.deepEqual(lint(file, CLEAN, examples, buffer).map((m) => m.ruleId), ['fixture-native/field-type-mismatch'])
    assert.deepEqual(lint(file, CLEAN), [])
  })
})

describe('configs.recommended', () => {
  test('every rule at the level of the project config found from the working folder, else its default', () => {
    const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'fixture-native-eslint-levels-')))
    temps.push(dir)
    writeFileSync(path.join(dir, 'fixture-native.config.json'), JSON.stringify({ rules: { 'unknown-field': 'warning', 'import-cycle': 'error', 'missing-factory': 'off', 'unknown-model': 'loud' } }))
    const script = `const p = require(${JSON.stringify(path.join(repo, 'runners/eslint.js'))}); process.stdout.write(JSON.stringify(p.configs.recommended.rules))`
    const rules = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' }))
    assert.equal(Object.keys(rules).length, CODES.length)
    assert.equal(rules['fixture-native/unknown-field'], 'warn')
    assert.equal(rules['fixture-native/import-cycle'], 'error')
    assert.equal(rules['fixture-native/missing-factory'], 'off')
    // Not a level: the default (the session reports the config's error).
    assert.equal(rules['fixture-native/unknown-model'], 'error')
    assert.equal(rules['fixture-native/unknown-delegate'], 'error')
    assert.equal(rules['fixture-native/invalid-fixture-accepted'], 'warn')
    assert.equal(plugin.configs.recommended.plugins['fixture-native'], plugin)
  })
})
