'use strict'
// Which fixture-native project a file ESLint lints belongs to, and that project's native
// `ValidationSession`, kept for the process: the half of the ESLint plugin (eslint.js) that knows
// about projects and sessions; eslint.js turns what this returns into ESLint reports.
const fs = require('node:fs')
const path = require('node:path')
const native = require('../binding.js')

// ESLint's `settings` key for the options (the plugin's name).
const SETTINGS_KEY = 'fixture-native'

/** Sessions by their resolved options (one per project root and settings), for the process. */
const sessions = new Map()

/**
 * The project config the validator would find from folder `start` upwards (`{ dir, file }`), or
 * undefined: the core's own discovery (a package.json is read again only when it changed).
 */
function findProject(start) {
  return native.findFixtureProject(start) ?? undefined
}

function statOf(file) {
  return fs.statSync(file, { throwIfNoEntry: false })
}

// A file's time comes from the kernel's coarse clock, a tick behind `Date.now()`, and some file
// systems keep whole seconds: a file written just after a build can look older than the build.
const MTIME_SLACK_MS = 2000

function modifiedSince(file, time) {
  const stat = statOf(file)
  return stat !== undefined && stat.mtimeMs >= time - MTIME_SLACK_MS
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
    throw new Error(`settings["${SETTINGS_KEY}"] must be an object of validate options (config, schema, factories, cwd, …); got ${JSON.stringify(settings)}`)
  }
  if (settings === undefined) {
    const project = findProject(path.dirname(filename))
    return project && { cwd: project.dir }
  }
  if (settings.cwd !== undefined && typeof settings.cwd !== 'string') {
    throw new Error(`settings["${SETTINGS_KEY}"].cwd must be a path; got ${JSON.stringify(settings.cwd)}`)
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
  options.cwd = (options.config === undefined && findProject(path.dirname(filename))?.dir) || base
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
      const builtAt = Date.now()
      entry = { session: new native.ValidationSession(options), builtAt, notAnalysed: new Set() }
    } catch (err) {
      entry = { error: err.message, failedAt: Date.now() }
    }
    sessions.set(key, entry)
  }
  return entry
}

/**
 * The validator's diagnostics located in `filename` (an absolute path) for `text`, the linted
 * buffer: `{ diagnostics }`, or `{}` for a file no project configures. Throws an Error with the
 * reason when the project cannot be checked (settings, config, schema).
 */
function diagnosticsFor(filename, text, settings, eslintCwd) {
  const options = sessionOptions(settings, filename, eslintCwd)
  if (options === undefined) return {}
  const entry = sessionFor(options)
  if (entry.error !== undefined) throw new Error(entry.error)
  let report = entry.session.checkFile(filename, text)
  if (report.files === 0 && !entry.notAnalysed.has(filename)) {
    // Not analysed: outside the factories, or a file the session has not seen (created since it
    // was built). `update` makes the session discover files again; asked once per file, and only
    // for one written since the build, so a lint run over files that are no factories costs nothing.
    entry.notAnalysed.add(filename)
    if (modifiedSince(filename, entry.builtAt)) {
      entry.session.update([filename])
      report = entry.session.checkFile(filename, text)
    }
  }
  // While the schema is invalid the session answers with the schema's errors, located there.
  const schemaErrors = report.diagnostics.filter((d) => d.file !== filename && d.code === 'schema-error')
  if (schemaErrors.length > 0) throw new Error(schemaErrors.map((d) => `${path.relative(options.cwd, d.file)}:${d.line}:${d.column}: ${d.message}`).join('; '))
  return { diagnostics: report.diagnostics.filter((d) => d.file === filename) }
}

/**
 * The level of each code in the `rules` of the project config found from `cwd` upwards
 * (`"error"`, `"warning"`, `"off"`); a code without a valid level there is left out.
 */
function projectLevels(cwd) {
  return native.fixtureProjectRuleLevels(cwd)
}

module.exports = { diagnosticsFor, projectLevels }
