'use strict'
// `@vrooli/fixture-native/eslint`: the validator's diagnostics as ESLint 9 and 10 rules (flat config), one
// rule per diagnostic code. The project (schema, type map, factory index, base classes) is a native
// `ValidationSession`, built once per project and process (eslint-project.js); each linted file
// costs only its own analysis, shared by every rule through one check per linted text.
const path = require('node:path')
const native = require('../binding.js')
const { version } = require('../package.json')
const { diagnosticsFor, projectLevels } = require('./eslint-project.js')

const PLUGIN = 'fixture-native'
// Reported (under this rule, at line 1) when the project cannot be checked: a bad config or
// settings, an unreadable or invalid schema.
const SETUP_ERROR_CODE = 'schema-error'

const RULE_DOCS = native.diagnosticRules()

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
 * The validator's diagnostics for the linted text, by code: `{ byCode }`, `{ error }` when the
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
      const { diagnostics } = diagnosticsFor(filename, sourceCode.text, context.settings?.[PLUGIN], context.cwd)
      if (diagnostics) {
        const byCode = new Map()
        for (const d of diagnostics) {
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
  if (typeof diagnostic.suggestion === 'string' && diagnostic.suggestion !== '') return `Replace with ${shown(diagnostic.suggestion)}`
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
  const levels = projectLevels(cwd)
  return Object.fromEntries(RULE_DOCS.map((doc) => [`${PLUGIN}/${doc.code}`, eslintLevel(levels[doc.code] ?? doc.defaultSeverity)]))
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
