'use strict'
// `@vrooli/fixture-native/eslint`: the validator's diagnostics as ESLint 9 rules (flat config), one
// rule per diagnostic code. The project (schema, type map, factory index, base classes) is a native
// `ValidationSession`, built once per project and process; each linted file costs only its own
// analysis, shared by every rule through one check per linted text.
const fs = require('node:fs')
const path = require('node:path')
const native = require('../binding.js')
const { version } = require('../package.json')

const PLUGIN = 'fixture-native'
const CONFIG_FILE = 'fixture-native.config.json'
// Reported (under this rule, at line 1) when the project cannot be checked: a bad config or
// settings, an unreadable or invalid schema.
const SETUP_ERROR_CODE = 'schema-error'

const RULE_DOCS = native.diagnosticRules()

/** Sessions by their resolved options (one per project root and settings), for the process. */
const sessions = new Map()
/** One check per linted text: every rule of a file reads the same result. */
const checks = new WeakMap()

// The fix tiers a code can carry, read from its documentation (diagnosticRules().fix): `**safe**`
// names a safe fix, "suggestion" a suggested one. A safe fix under a code documented otherwise is
// shown as a suggestion rather than dropped.
function tiersOf(doc) {
  return { safe: /\*\*safe\*\*/i.test(doc.fix), suggestion: /\bsuggestion\b/i.test(doc.fix) }
}

function eslintLevel(severity) {
  return severity === 'warning' ? 'warn' : severity
}

/**
 * The project config ESLint's own run would find from `start` upwards, as the validator finds it:
 * `fixture-native.config.json`, or a `package.json` with `"fixtureNative"`; a package root without
 * either ends the search. Returns { dir, file? } or undefined.
 */
function findProject(start) {
  for (let dir = start; ; ) {
    const file = path.join(dir, CONFIG_FILE)
    if (isFile(file)) return { dir, file }
    const manifest = path.join(dir, 'package.json')
    if (isFile(manifest)) {
      try {
        if (JSON.parse(fs.readFileSync(manifest, 'utf8')).fixtureNative !== undefined) return { dir }
      } catch {
        // An unreadable package.json ends the search here, as it does for the validator (which
        // then reports it when a session is built from this folder).
        return { dir }
      }
      return undefined
    }
    const parent = path.dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

function isFile(file) {
  try {
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

const PATH_OPTIONS = ['config', 'schema', 'tsconfig']

/**
 * The ValidateOptions of the session for a linted file, or undefined when the file belongs to no
 * fixture-native project. Relative paths in the settings start at `settings.cwd`, by default
 * ESLint's working folder; the project config, unless the settings name one, is found from the
 * linted file's folder upwards. Throws a message for settings of the wrong shape.
 */
function sessionOptions(settings, filename, eslintCwd) {
  if (settings !== undefined && (settings === null || typeof settings !== 'object' || Array.isArray(settings))) {
    throw new Error(`settings["${PLUGIN}"] must be an object of validate options (config, schema, factories, cwd, …); got ${JSON.stringify(settings)}`)
  }
  const project = findProject(path.dirname(filename))
  if (settings === undefined) return project && { cwd: project.dir }
  if (settings.cwd !== undefined && typeof settings.cwd !== 'string') {
    throw new Error(`settings["${PLUGIN}"].cwd must be a path; got ${JSON.stringify(settings.cwd)}`)
  }
  const base = path.resolve(eslintCwd, settings.cwd ?? '.')
  const options = { ...settings }
  for (const key of PATH_OPTIONS) {
    if (typeof options[key] === 'string') options[key] = path.resolve(base, options[key])
  }
  if (options.factories !== undefined) {
    options.factories = [options.factories].flat().map((f) => (typeof f === 'string' ? path.resolve(base, f) : f))
  }
  // The folder config discovery and defaults start from: the linted file's project, or `base`.
  options.cwd = options.config === undefined && project ? project.dir : base
  return options
}

// A project that could not be set up (a bad config, a missing folder) is tried again after this
// long: a lint run over many files asks once, an editor sees the repair on a later lint.
const RETRY_FAILED_SETUP_MS = 2000

/** The session for these options, built on first use; a failure is kept, briefly, as its message. */
function sessionFor(options) {
  const key = JSON.stringify(options)
  let entry = sessions.get(key)
  if (entry === undefined || (entry.error !== undefined && Date.now() - entry.failedAt > RETRY_FAILED_SETUP_MS)) {
    try {
      entry = { session: new native.ValidationSession(options) }
    } catch (err) {
      entry = { error: err.message, failedAt: Date.now() }
    }
    sessions.set(key, entry)
  }
  return entry
}

/**
 * The diagnostics of the validator for the linted text, by code: `{ byCode }`, `{ error }` when the
 * project cannot be checked, or `{}` for a file no project configures.
 */
function check(context) {
  const sourceCode = context.sourceCode
  let result = checks.get(sourceCode)
  if (result !== undefined) return result
  result = {}
  const filename = context.physicalFilename
  // A block inside another file (a processor's virtual file) or text without a path: not a factory.
  if (path.isAbsolute(filename) && filename === context.filename) {
    try {
      const options = sessionOptions(context.settings?.[PLUGIN], filename, context.cwd)
      if (options !== undefined) {
        const entry = sessionFor(options)
        if (entry.error !== undefined) throw new Error(entry.error)
        const report = entry.session.checkFile(filename, sourceCode.text)
        // While the schema is invalid the session answers with the schema's errors, located there.
        const elsewhere = report.diagnostics.filter((d) => d.file !== filename && d.code === SETUP_ERROR_CODE)
        if (elsewhere.length > 0) throw new Error(elsewhere.map((d) => `${path.relative(options.cwd, d.file)}:${d.line}:${d.column}: ${d.message}`).join('; '))
        const byCode = new Map()
        for (const d of report.diagnostics) {
          if (d.file !== filename) continue
          if (!byCode.has(d.code)) byCode.set(d.code, [])
          byCode.get(d.code).push(d)
        }
        result = { byCode }
      }
    } catch (err) {
      result = { error: `fixture-native could not check this file: ${err.message}` }
    }
  }
  checks.set(sourceCode, result)
  return result
}

// 1-based line and UTF-16 column (ours) to ESLint's 1-based line and 0-based column, kept inside
// the text so a stale diagnostic cannot point past it.
function position(sourceCode, line, column) {
  const lines = sourceCode.lines
  const l = Math.min(Math.max(line, 1), lines.length)
  return { line: l, column: Math.min(Math.max(column - 1, 0), lines[l - 1].length) }
}

function rangeOf(sourceCode, edit) {
  const start = sourceCode.getIndexFromLoc(position(sourceCode, edit.line, edit.column))
  const end = sourceCode.getIndexFromLoc(position(sourceCode, edit.endLine, edit.endColumn))
  return [start, end]
}

function fixerOf(sourceCode, fix) {
  return (fixer) => fix.edits.map((edit) => fixer.replaceTextRange(rangeOf(sourceCode, edit), edit.text))
}

function suggestionText(diagnostic) {
  const edits = diagnostic.fix.edits
  const shown = (text) => `\`${text.trim().replace(/\s+/g, ' ')}\``
  if (diagnostic.suggestion !== undefined && diagnostic.suggestion !== '') return `Replace with ${shown(diagnostic.suggestion)}`
  if (edits.length === 1 && edits[0].text.trim() !== '') {
    return `${edits[0].byteStart === edits[0].byteEnd ? 'Insert' : 'Replace with'} ${shown(edits[0].text)}`
  }
  return 'Apply the suggested fix'
}

function descriptorOf(sourceCode, diagnostic, tiers) {
  const descriptor = {
    // One line, as ESLint's formatters and editors show a message; the help after the finding.
    message: diagnostic.help ? `${diagnostic.message} — ${diagnostic.help}` : diagnostic.message,
    loc: {
      start: position(sourceCode, diagnostic.line, diagnostic.column),
      end: position(sourceCode, diagnostic.endLine, diagnostic.endColumn),
    },
  }
  const fix = diagnostic.fix
  if (fix && fix.edits.length > 0) {
    if (fix.safe && tiers.safe) descriptor.fix = fixerOf(sourceCode, fix)
    else if (tiers.suggestion) descriptor.suggest = [{ desc: suggestionText(diagnostic), fix: fixerOf(sourceCode, fix) }]
  }
  return descriptor
}

function makeRule(doc) {
  const tiers = tiersOf(doc)
  return {
    meta: {
      type: 'problem',
      docs: { description: doc.what, recommended: true },
      ...(tiers.safe ? { fixable: 'code' } : {}),
      ...(tiers.suggestion ? { hasSuggestions: true } : {}),
      schema: [],
    },
    create(context) {
      return {
        Program() {
          const result = check(context)
          if (result.error !== undefined) {
            if (doc.code === SETUP_ERROR_CODE) context.report({ message: result.error, loc: { line: 1, column: 0 } })
            return
          }
          for (const diagnostic of result.byCode?.get(doc.code) ?? []) {
            context.report(descriptorOf(context.sourceCode, diagnostic, tiers))
          }
        },
      }
    },
  }
}

const rules = Object.fromEntries(RULE_DOCS.map((doc) => [doc.code, makeRule(doc)]))

/**
 * Every rule at the level the project's config gives it (`rules` in fixture-native.config.json or
 * `"fixtureNative"`, found from ESLint's working folder), else at its default severity.
 */
function recommendedRules(cwd = process.cwd()) {
  let levels = {}
  const project = findProject(cwd)
  if (project) {
    try {
      const config = project.file
        ? JSON.parse(fs.readFileSync(project.file, 'utf8'))
        : JSON.parse(fs.readFileSync(path.join(project.dir, 'package.json'), 'utf8')).fixtureNative
      if (config && typeof config.rules === 'object' && config.rules !== null) levels = config.rules
    } catch {
      // An unreadable config: the defaults here; the session reports what is wrong with it.
    }
  }
  return Object.fromEntries(
    RULE_DOCS.map((doc) => {
      const level = typeof levels[doc.code] === 'string' ? levels[doc.code] : doc.defaultSeverity
      return [`${PLUGIN}/${doc.code}`, eslintLevel(level)]
    }),
  )
}

const plugin = {
  meta: { name: '@vrooli/fixture-native/eslint', version },
  rules,
  configs: {},
}

let recommended
Object.defineProperty(plugin.configs, 'recommended', {
  enumerable: true,
  // Read on first use, so loading the plugin reads no project file.
  get() {
    recommended ??= { name: `${PLUGIN}/recommended`, plugins: { [PLUGIN]: plugin }, rules: recommendedRules() }
    return recommended
  },
})

module.exports = plugin
