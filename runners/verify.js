'use strict'
// `@vrooli/fixture-native/verify`: the repair plan's phase 7 tests, run on the user's own factories
// against the user's own database. Every factory is instantiated and its methods run, each check
// inside a transaction that is always rolled back; a failure becomes a `verify-failed` diagnostic
// at the factory's `file:line` (from the validator's factory index), rendered by the addon's own
// reporters (pretty, JSON, GitHub, …), with the cause read from Prisma's error in plain words.
//
//   verifyFactories(options) -> Promise<VerifyReport>   one call, any runner (or none)
//   describeFactories(options)                           one describe per factory, one test per method
const path = require('node:path')
const { readFileSync } = require('node:fs')
const { pathToFileURL } = require('node:url')
const { Parents } = require('./verify-parents.js')
const { rolledBack } = require('./rolled-back.js')

/** What each factory is asked to do, in this order (the `methods` option picks some). */
const METHODS = ['createMinimal', 'createComplete', 'fixtures', 'relations', 'invalid']
const DEFAULT_CATEGORIES = { create: ['minimal', 'complete'], createCollections: ['edgeCases', 'variants'], invalid: ['invalid'] }
const DEFAULT_TIMEOUT = 30_000

// ---------------------------------------------------------------------------------------------
// Finding the factories: the validator's index (file, class, model, line), the classes loaded by
// the runner's own module system.

/**
 * The factories to verify: `[{ className, model, file, line, Factory? }]` and the schema.
 * `factories` is a list (or module object) of classes, or a folder, file or glob (or several), or
 * absent (the config's `factories`, as `validate` reads them).
 */
function indexFactories(options) {
  const native = require('../binding.js')
  const { factories, schema, config, cwd: cwdOption, baseClass } = options
  const cwd = path.resolve(cwdOption || process.cwd())
  // Paths (or nothing: the config's `factories`) are indexed and loaded; classes are looked up in the index.
  const byPath = factories === undefined || typeof factories === 'string' || (Array.isArray(factories) && factories.length > 0 && factories.every((f) => typeof f === 'string'))
  const classes = byPath ? [] : classList(factories)
  const validateOptions = { cwd }
  if (schema !== undefined) validateOptions.schema = schema
  if (config !== undefined) validateOptions.config = config
  if (baseClass !== undefined) validateOptions.baseClass = baseClass
  if (byPath && factories !== undefined) validateOptions.factories = factories
  let report
  try {
    report = native.validateFactories(validateOptions)
  } catch (error) {
    throw setupError(`the factories could not be indexed (from ${cwd}): ${error.message}`, error)
  }
  const index = report.factories
  const schemaModels = native.loadSchema(report.schema.path)
  let entries
  if (byPath) {
    entries = index.map((f) => ({ ...f, indexed: true }))
  } else {
    const byName = new Map(index.map((f) => [f.className, f]))
    entries = classes.map((Factory) => {
      const known = byName.get(Factory.name)
      return { className: Factory.name, model: known?.model, file: known?.file, line: known?.line ?? 1, Factory, indexed: Boolean(known) }
    })
  }
  if (entries.length === 0) {
    throw setupError(`no factory class was found (from ${cwd}, ${byPath ? `factories ${JSON.stringify(factories ?? 'from the config')}` : 'the classes given'}): ${byPath ? 'name the folder holding the classes that extend the base class' : 'pass classes extending the base class'}`)
  }
  return { entries, schema: schemaModels, schemaPath: report.schema.path, cwd, validation: report }
}

function classList(factories) {
  if (factories === undefined || factories === null) throw new TypeError('verifyFactories: options.factories must be a list of factory classes or a folder, file or glob; got nothing')
  const values = Array.isArray(factories) ? factories : typeof factories === 'object' ? Object.values(factories) : [factories]
  const classes = values.filter((v) => typeof v === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(v)))
  if (classes.length === 0) throw new TypeError('verifyFactories: options.factories holds no class; pass the factory classes (or a module of them), or a folder')
  return classes
}

/** How a factory file is loaded: the option, else the runner's own module system (its TypeScript transform). */
function defaultLoader(runner) {
  const vi = runner?.vi ?? globalThis.vi
  if (process.env.VITEST && vi && typeof vi.importActual === 'function') return (file) => vi.importActual(file)
  // Under Jest this `require` is Jest's: the project's transform compiles the TypeScript.
  if (typeof jest !== 'undefined' || process.env.JEST_WORKER_ID) return (file) => require(file)
  return (file) => import(pathToFileURL(file).href)
}

async function loadClass(entry, load) {
  if (entry.Factory) return entry.Factory
  let module
  try {
    module = await load(entry.file)
  } catch (error) {
    throw Object.assign(new Error(`cannot load ${entry.file}: ${lastLine(error)} (pass \`import: (file) => import(file)\` from a test file when the runner does not load TypeScript here)`), { cause: error })
  }
  const Factory = module?.[entry.className] ?? module?.default?.[entry.className] ?? (module?.default?.name === entry.className ? module.default : undefined)
  if (typeof Factory !== 'function') throw new Error(`${entry.file} does not export the class ${entry.className}`)
  entry.Factory = Factory
  return Factory
}

// ---------------------------------------------------------------------------------------------
// Recording what each check sent to Prisma (it runs in a transaction that is rolled back).

/** The transaction client, with every delegate call's arguments recorded (to name a too-long value's column). */
function recording(tx, schema, calls) {
  const delegates = new Map(schema.models.map((m) => [m.delegate, m.name]))
  const wrapped = new Map()
  return new Proxy(tx, {
    get(target, key) {
      const value = Reflect.get(target, key)
      if (typeof key !== 'string' || !delegates.has(key) || !value) return value
      if (!wrapped.has(key)) {
        wrapped.set(key, new Proxy(value, {
          get(delegate, op) {
            const method = Reflect.get(delegate, op)
            if (typeof method !== 'function' || typeof op !== 'string') return method
            return (...args) => {
              calls.push({ model: delegates.get(key), op, args: args[0] })
              return Reflect.apply(method, delegate, args)
            }
          },
        }))
      }
      return wrapped.get(key)
    },
  })
}

// ---------------------------------------------------------------------------------------------
// The checks of one factory.

class FactoryChecks {
  constructor(entry, run) {
    this.entry = entry
    this.run = run
  }

  /** `[{ check, ok, cause?, field?, skipped? }]` for one method. */
  async method(name) {
    if (!this.entry.indexed) {
      throw new Error(`${this.entry.className} is not among the factories the validator's index found (from ${this.run.cwd}): pass \`factories\` as the folder holding it, or \`config\`, so its model and file are known`)
    }
    if (!this.entry.model || !this.run.models.has(this.entry.model)) {
      throw new Error(`${this.entry.className} names ${this.entry.model ? `the model "${this.entry.model}", which the schema does not have` : 'no model in super("…")'}: \`fixture-native validate\` says which`)
    }
    const Factory = await loadClass(this.entry, this.run.load)
    switch (name) {
      case 'createMinimal':
      case 'createComplete':
        return [await this.twice(Factory, name)]
      case 'fixtures':
        return this.fixtures(Factory)
      case 'relations':
        return this.relations(Factory)
      case 'invalid':
        return this.invalid(Factory)
      default:
        throw new TypeError(`verifyFactories: "${name}" is not a method to verify (${METHODS.join(', ')})`)
    }
  }

  /** Runs `body(instance, tx)` with the factory (and every other one) made for the transaction. */
  async inTransaction(Factory, body) {
    const calls = []
    const outcome = await rolledBack(this.run.prisma, this.run.timeout, async (tx) => {
      const client = recording(tx, this.run.schema, calls)
      const instance = await this.run.instantiate(this.entry, client)
      return body(instance, client)
    })
    return { ...outcome, calls }
  }

  async twice(Factory, method) {
    let done = 0
    const outcome = await this.inTransaction(Factory, async (instance) => {
      if (typeof instance[method] !== 'function') return { skipped: `${this.entry.className} has no ${method}()` }
      for (; done < 2; done += 1) {
        const row = await instance[method]()
        if (!row || typeof row !== 'object') throw new Error(`${method}() returned ${row === null ? 'null' : typeof row}, not the created row`)
      }
      return {}
    })
    if (outcome.ok) return { check: `${method}()`, ok: true, ...outcome.value }
    const which = done === 1 ? ' (the second call; the first inserted)' : ''
    return this.failure(`${method}()${which}`, outcome, { method: method === 'createMinimal' ? 'generateMinimalData' : 'generateCompleteData', reused: done === 1 })
  }

  fixtureNames(instance) {
    const fixtures = typeof instance.getFixtures === 'function' ? instance.getFixtures() : null
    if (!fixtures || typeof fixtures !== 'object') return null
    const { create, createCollections, invalid } = this.run.categories
    const valid = []
    for (const c of create) if (isObject(fixtures[c])) valid.push([c])
    for (const c of createCollections) {
      if (!isObject(fixtures[c])) continue
      for (const [k, v] of Object.entries(fixtures[c])) if (isObject(v)) valid.push([c, k])
    }
    const bad = []
    for (const c of invalid) {
      if (!isObject(fixtures[c])) continue
      for (const [k, v] of Object.entries(fixtures[c])) if (isObject(v)) bad.push([c, k])
    }
    return { valid, bad }
  }

  /** Every valid fixture category's create inputs insert (the rows they refer to made first). */
  async fixtures(Factory) {
    const names = await this.inTransaction(Factory, async (instance) => this.fixtureNames(instance))
    if (!names.ok) return [await this.failure('getFixtures()', names, { method: 'getFixtures' })]
    if (!names.value) return [{ check: 'getFixtures()', ok: true, skipped: `${this.entry.className} has no getFixtures()` }]
    const results = []
    for (const keys of names.value.valid) {
      const label = keys.join('.')
      const outcome = await this.inTransaction(Factory, async (instance, tx) => {
        const data = dig(instance.getFixtures(), keys)
        const parents = new Parents(tx, this.run.models, (model, unique) => this.run.parentData(tx, model, unique))
        await parents.ensureFor(this.entry.model, data)
        await delegateOf(instance, tx, this.run.models.get(this.entry.model)).create({ data })
      })
      results.push(outcome.ok ? { check: `fixtures ${label}`, ok: true } : await this.failure(`fixtures ${label}`, outcome, { method: 'getFixtures', member: keys.at(-1) }))
    }
    return results.length ? results : [{ check: 'fixtures', ok: true, skipped: 'no valid fixture' }]
  }

  /** Every `invalid` fixture is rejected (else the error-path test using it tests nothing). */
  async invalid(Factory) {
    const names = await this.inTransaction(Factory, async (instance) => this.fixtureNames(instance))
    if (!names.ok) return [await this.failure('getFixtures()', names, { method: 'getFixtures' })]
    if (!names.value || names.value.bad.length === 0) return [{ check: 'invalid', ok: true, skipped: 'no invalid fixture' }]
    const results = []
    for (const keys of names.value.bad) {
      const label = keys.join('.')
      const outcome = await this.inTransaction(Factory, async (instance, tx) => {
        const data = dig(instance.getFixtures(), keys)
        await delegateOf(instance, tx, this.run.models.get(this.entry.model)).create({ data })
      })
      if (outcome.ok) {
        results.push({ check: `invalid ${label}`, ok: false, code: 'invalid-fixture-accepted', cause: 'the database inserted it: the error-path test that uses it tests nothing; make it break one rule (a missing required field, a wrong type, a duplicate unique value)', ...locate(this.run.sources, this.entry, 'getFixtures', keys.at(-1)) })
      } else {
        results.push({ check: `invalid ${label}`, ok: true, rejectedWith: lastLine(outcome.error) })
      }
    }
    return results
  }

  /** Each `createFor<Relation>(id)` helper: a parent made first by its own factory, and the child points at it. */
  async relations(Factory) {
    const model = this.run.models.get(this.entry.model)
    const helpers = helperNames(Factory)
    if (helpers.length === 0) return [{ check: 'relations', ok: true, skipped: 'no createFor… helper' }]
    const results = []
    for (const helper of helpers) {
      const relation = relationOf(model, helper.slice('createFor'.length))
      if (!relation) {
        results.push({ check: `${helper}()`, ok: true, skipped: `no relation of ${model.name} matches ${helper}` })
        continue
      }
      const [fk] = relation.relationFromFields
      const [key] = relation.relationToFields
      const parentFactory = this.run.factoryFor(relation.type)
      if (!parentFactory) {
        results.push({ check: `${helper}()`, ok: true, skipped: `no factory of ${relation.type} to make the parent` })
        continue
      }
      let stage = 'parent'
      const outcome = await this.inTransaction(Factory, async (instance, tx) => {
        const parent = await (await this.run.instantiate(parentFactory, tx)).createMinimal()
        stage = 'child'
        const child = await instance[helper](parent[key])
        const held = child?.[fk]
        if (String(held) !== String(parent[key])) {
          throw Object.assign(new Error(`the child's ${fk} is ${held === undefined ? 'missing from the returned row' : String(held)}, not the parent's ${key} ${String(parent[key])}`), { notPointing: true })
        }
      })
      if (outcome.ok) results.push({ check: `${helper}()`, ok: true })
      else {
        const prefix = stage === 'parent' ? `making the parent with ${parentFactory.className}.createMinimal() failed: ` : ''
        results.push(await this.failure(`${helper}()`, outcome, { method: helper, prefix }))
      }
    }
    return results
  }

  async failure(check, outcome, where) {
    const explained = await explain(outcome.error, outcome.calls, this.run)
    const loc = locate(this.run.sources, this.entry, where.method, where.member ?? explained.field, explained.value)
    let cause = `${where.prefix ?? ''}${explained.cause}`
    const arity = this.entry.Factory?.length ?? 0
    if (arity > 1 && !this.run.customConstruct(this.entry)) {
      cause += `; new ${this.entry.className}(prisma) left ${arity - 1} more constructor argument${arity > 2 ? 's' : ''} undefined: pass \`construct: { ${this.entry.model}: (prisma, Factory, { createMinimal }) => new Factory(prisma, …) }\``
    }
    if (where.reused && explained.kind === 'unique') cause += '; a value the first call inserted was used again: make it fresh per call (an id or a counter in it)'
    return { check, ok: false, cause, ...loc }
  }
}

function construct(Factory, client, entry) {
  try {
    return new Factory(client)
  } catch (error) {
    throw Object.assign(new Error(`new ${entry.className}(prisma) threw: ${lastLine(error)}`), { cause: error })
  }
}

function delegateOf(instance, tx, model) {
  if (typeof instance.getPrismaDelegate === 'function') return instance.getPrismaDelegate()
  return tx[model.delegate]
}

function helperNames(Factory) {
  const names = new Set()
  // The factory's own prototype chain, up to (not including) Object: the base class's helpers count too.
  for (let proto = Factory.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (/^createFor[A-Z]/.test(name) && typeof proto[name] === 'function') names.add(name)
    }
  }
  return [...names].sort()
}

/** The to-one relation (one foreign key) a `createFor<Name>` helper is for: by field name, else by the related model's name. */
function relationOf(model, name) {
  const single = model.fields.filter((f) => f.kind === 'object' && !f.isList && f.relationFromFields?.length === 1)
  const lower = name.toLowerCase()
  const byField = single.filter((f) => f.name.toLowerCase() === lower)
  if (byField.length === 1) return byField[0]
  const byType = single.filter((f) => f.type.toLowerCase() === lower)
  return byType.length === 1 ? byType[0] : undefined
}

// ---------------------------------------------------------------------------------------------
// The cause, in plain words, from Prisma's error (and the database's catalog for names).

async function explain(error, calls, run) {
  if (error?.notPointing) return { cause: error.message }
  const code = error?.code
  const adapter = error?.meta?.driverAdapterError?.cause
  const original = adapter?.originalMessage ?? ''
  const pgCode = adapter?.originalCode ?? adapter?.code
  if (code === 'P2002' || pgCode === '23505') {
    const name = adapter?.constraint?.index ?? (Array.isArray(error?.meta?.target) ? null : error?.meta?.target)
    const found = name ? await run.catalog.index(name) : null
    const columns = found?.columns ?? (Array.isArray(error?.meta?.target) ? error.meta.target : adapter?.constraint?.fields ?? [])
    const table = found?.table ?? adapter?.table ?? error?.meta?.modelName
    const values = collidingValues(calls, columns)
    const said = values ? Object.entries(values).map(([c, v]) => `${c} = ${show(v)}`).join(', ') : `the same ${columns.join(', ')}`
    return { kind: 'unique', field: columns[0], value: values?.[columns[0]], cause: `unique constraint${name ? ` ${name}` : ''} on ${table} (${columns.join(', ')}) failed: a row with ${said} already exists` }
  }
  if (code === 'P2003' || pgCode === '23503') {
    const name = adapter?.constraint?.index ?? error?.meta?.field_name
    const found = name ? await run.catalog.foreignKey(name) : null
    if (found) return { field: found.columns[0], cause: `foreign key ${name} of ${found.table} (${found.columns.join(', ')}) points at no ${found.references} row: create the ${found.references} row first, or create it nested` }
    return { cause: `foreign key ${name ?? ''} failed: ${lastLine(error)}` }
  }
  if (code === 'P2025') {
    const m = error.meta ?? {}
    if (m.model && m.operation) {
      // The relation field written: the one of that relation pointing at the missing row's model.
      const field = [...run.models.values()].flatMap((model) => model.fields).find((f) => f.relationName === m.relation && f.type === m.model && f.relationFromFields?.length)
      return { field: field?.name, cause: `${m.operation} found no ${m.model} row (relation ${m.relation}${m.neededFor ? `, needed to ${m.neededFor}` : ''}): connect to a row the check creates, or create it nested` }
    }
    return { cause: lastLine(error) }
  }
  if (code === 'P2011' || pgCode === '23502' || adapter?.kind === 'NullConstraintViolation') {
    const m = /null value in column "([^"]+)"(?: of relation "([^"]+)")?/.exec(original)
    const column = m?.[1] ?? adapter?.constraint?.fields?.join(', ') ?? error?.meta?.constraint
    return { field: m?.[1], cause: `NOT NULL column ${m?.[2] ? `${m[2]}.` : ''}${column} got no value: the database requires it although the input left it out (the schema and the database disagree, or an optional relation hides a required key)` }
  }
  if (code === 'P2000' || pgCode === '22001' || adapter?.kind === 'LengthMismatch') {
    const too = await run.catalog.tooLong(calls, run.models)
    const type = /for type ([^\s]+(?: varying)?\(\d+\))/.exec(original)?.[1]
    if (too) return { field: too.field, cause: `value too long for column ${too.table}.${too.column} (${too.type}): ${too.length} characters in ${too.model}.${too.field}` }
    return { cause: `a value is too long for its column${type ? ` (${type})` : ''}` }
  }
  if (pgCode === '23514') {
    const m = /relation "([^"]+)" violates check constraint "([^"]+)"/.exec(original)
    if (!m) return { cause: `a check constraint rejected the row: ${original}` }
    const definition = await run.catalog.checkDefinition(m[2])
    // The first column the condition names, to point at where the factory writes it.
    const model = [...run.models.values()].find((x) => (x.dbName ?? x.name) === m[1])
    const field = definition && model?.fields.find((f) => f.kind === 'scalar' && new RegExp(`\\b${escape(f.name)}\\b`).test(definition))?.name
    return { field, cause: `check constraint ${m[2]} of ${m[1]}${definition ? ` (${definition})` : ''} rejected the row` }
  }
  if (error?.name === 'PrismaClientValidationError') {
    const argument = /Argument `([^`]+)`/.exec(lastLine(error))?.[1]
    return { field: argument, cause: `Prisma rejected the input: ${lastLine(error)}` }
  }
  if (pgCode) return { cause: `the database said (${pgCode}): ${original || lastLine(error)}` }
  return { cause: `${code ? `${code} ` : ''}${error?.name && error.name !== 'Error' ? `${error.name}: ` : ''}${lastLine(error)}` }
}

/**
 * The colliding values, `{ handle: "test_user" }`: of the objects in the recorded creates that hold
 * every column, the values written twice (PostgreSQL's message does not carry them); null when
 * no combination repeats (a collision with a row from before the check).
 */
function collidingValues(calls, columns) {
  if (!columns.length) return null
  const seen = new Map()
  const seek = (value) => {
    if (!value || typeof value !== 'object' || value instanceof Date) return null
    const scalar = (v) => v === null || typeof v !== 'object' || v instanceof Date
    if (columns.every((c) => c in value && scalar(value[c]))) {
      const key = columns.map((c) => show(value[c])).join('\u0000')
      if (seen.has(key)) return seen.get(key)
      seen.set(key, Object.fromEntries(columns.map((c) => [c, value[c]])))
    }
    for (const v of Object.values(value)) {
      const found = seek(v)
      if (found) return found
    }
    return null
  }
  for (const call of calls) {
    const found = seek(call.args?.data)
    if (found) return found
  }
  return null
}

/** Names from the database's catalog, read with the root client (the transaction is aborted by then). */
class Catalog {
  constructor(prisma) {
    this.prisma = prisma
    this.lengths = null
  }

  async index(name) {
    const rows = await this.query(
      `SELECT t.relname AS "table", array_agg(a.attname::text ORDER BY k.n) AS columns
         FROM pg_class i JOIN pg_index x ON x.indexrelid = i.oid JOIN pg_class t ON t.oid = x.indrelid
         JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, n) ON true
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE i.relname = $1 AND pg_table_is_visible(t.oid) GROUP BY t.relname`, name)
    return rows[0] ?? null
  }

  async foreignKey(name) {
    const rows = await this.query(
      `SELECT t.relname AS "table", r.relname AS "references",
              array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
                      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n) AS columns
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
        WHERE c.conname = $1 AND c.contype = 'f' AND pg_table_is_visible(t.oid)`, name)
    return rows[0] ?? null
  }

  async checkDefinition(name) {
    const rows = await this.query(`SELECT pg_get_constraintdef(c.oid) AS definition FROM pg_constraint c WHERE c.conname = $1 AND c.contype = 'c' AND pg_table_is_visible(c.conrelid)`, name)
    return rows[0]?.definition ?? null
  }

  /** The first recorded string longer than its column's declared length (PostgreSQL does not name the column). */
  async tooLong(calls, models) {
    this.lengths ??= (async () => {
      const rows = await this.query(
        `SELECT table_name AS "table", column_name AS "column", character_maximum_length::int AS max, data_type AS type
           FROM information_schema.columns WHERE table_schema = current_schema() AND character_maximum_length IS NOT NULL`)
      const byTable = new Map()
      for (const r of rows) {
        if (!byTable.has(r.table)) byTable.set(r.table, new Map())
        byTable.get(r.table).set(r.column, r)
      }
      return byTable
    })()
    const lengths = await this.lengths
    const visit = (modelName, data) => {
      const model = models.get(modelName)
      if (!model || !isObject(data)) return null
      const columns = lengths.get(model.dbName ?? model.name)
      for (const [key, value] of Object.entries(data)) {
        const field = model.fields.find((f) => f.name === key)
        if (!field) continue
        if (field.kind === 'object') {
          for (const nested of [...list(value?.create), ...list(value?.createMany?.data), ...list(value?.connectOrCreate).map((c) => c?.create)]) {
            const found = visit(field.type, nested)
            if (found) return found
          }
          continue
        }
        const column = columns?.get(key)
        if (!column) continue
        const strings = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v) => typeof v === 'string') : typeof value?.set === 'string' ? [value.set] : []
        const long = strings.find((s) => s.length > column.max)
        if (long !== undefined) return { model: model.name, field: key, table: column.table, column: column.column, type: `${column.type}(${column.max})`, length: long.length }
      }
      return null
    }
    for (const call of [...calls].reverse()) {
      for (const data of list(call.args?.data)) {
        const found = visit(call.model, data)
        if (found) return found
      }
    }
    return null
  }

  async query(sql, ...params) {
    try {
      return await this.prisma.$queryRawUnsafe(sql, ...params)
    } catch {
      return [] // Not PostgreSQL, or no permission: the cause is then said without the names.
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Where: the factory's file, at the line of the method (or member) the check ran, else the class.
// The validator's index gives the class's line; inside the class the method's declaration and the
// member's `name:` are found by their text, which is enough to put the reader on the line.

function locate(sources, entry, method, member, value) {
  const file = entry.file
  if (!file) return { file: undefined, line: entry.line ?? 1 }
  let lines = sources.get(file)
  if (!lines) {
    try {
      lines = readFileSync(file, 'utf8').split('\n')
    } catch {
      lines = []
    }
    sources.set(file, lines)
  }
  const classLine = Math.max(1, entry.line ?? 1)
  const end = lines.findIndex((l, i) => i >= classLine && /^\s*(export\s+)?(abstract\s+)?class\s/.test(l))
  const last = end === -1 ? lines.length : end
  let at = classLine
  if (method) {
    const declared = lines.findIndex((l, i) => i >= classLine - 1 && i < last && new RegExp(`^\\s*(?:(?:public|protected|private|async|static|override)\\s+)*${escape(method)}\\s*[(<]`).test(l))
    if (declared !== -1) {
      at = declared + 1
      if (member) {
        // The member inside that method: up to the next member declared at the method's indentation.
        const indent = /^\s*/.exec(lines[declared])[0].length
        const stop = lines.findIndex((l, i) => i > declared && i < last && /^\s*(?:(?:public|protected|private|async|static|override)\s+)*[A-Za-z_$][\w$]*\s*[(<]/.test(l) && /^\s*/.exec(l)[0].length === indent)
        const limit = stop === -1 ? last : stop
        const memberAt = (l) => new RegExp(`(^|[\\s{,])["']?${escape(member)}["']?\\s*:`).test(l)
        // A literal value (the one that collided) picks among several lines naming the member.
        const literal = typeof value === 'string' ? value : undefined
        let hit = literal === undefined ? -1 : lines.findIndex((l, i) => i > declared && i < limit && memberAt(l) && l.includes(literal))
        if (hit === -1) hit = lines.findIndex((l, i) => i > declared && i < limit && memberAt(l))
        if (hit !== -1) at = hit + 1
      }
    }
  }
  const text = lines[at - 1] ?? ''
  const column = text.length - text.trimStart().length + 1
  return { file, line: at, column, endColumn: Math.max(column + 1, text.length + 1) }
}

// ---------------------------------------------------------------------------------------------
// verifyFactories

/** Checks options shared by verifyFactories and describeFactories; returns the normalised run settings. */
function settings(options) {
  if (!options || typeof options !== 'object') throw new TypeError('verifyFactories: options must be an object such as { prisma, factories }')
  const methods = options.methods ?? METHODS
  if (!Array.isArray(methods) || methods.some((m) => !METHODS.includes(m))) {
    throw new TypeError(`verifyFactories: options.methods must be a list of ${METHODS.map((m) => `'${m}'`).join(', ')}; got ${JSON.stringify(methods)}`)
  }
  const skip = options.skip ?? {}
  if (!isObject(skip) || Object.values(skip).some((r) => typeof r !== 'string' || r.trim() === '')) {
    throw new TypeError('verifyFactories: options.skip must map a model or class name to the reason it is skipped (a non-empty string)')
  }
  const timeout = options.timeout ?? DEFAULT_TIMEOUT
  if (!(Number.isFinite(timeout) && timeout > 0)) throw new TypeError(`verifyFactories: options.timeout must be a number of milliseconds; got ${String(timeout)}`)
  const categories = { ...DEFAULT_CATEGORIES }
  for (const key of Object.keys(DEFAULT_CATEGORIES)) {
    const value = options.fixtureCategories?.[key]
    if (value !== undefined) {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new TypeError(`verifyFactories: options.fixtureCategories.${key} must be a list of names`)
      categories[key] = value
    }
  }
  const construct = options.construct ?? {}
  if (!isObject(construct) || Object.values(construct).some((f) => typeof f !== 'function')) {
    throw new TypeError('verifyFactories: options.construct must map a model or class name to (prisma, Factory, { createMinimal }) => factory')
  }
  return { methods: METHODS.filter((m) => methods.includes(m)), skip, timeout, categories, construct }
}

/** The shared state of one run: client, schema, factories by model, loader, catalog. */
function prepare(options, runner) {
  const base = settings(options)
  const indexed = indexFactories(options)
  const models = new Map(indexed.schema.models.map((m) => [m.name, m]))
  const run = {
    ...base,
    ...indexed,
    models,
    load: options.import ?? defaultLoader(runner),
    sources: new Map(), // file -> lines, read once per run (a rerun in watch mode reads them again)
    prisma: null,
    catalog: null,
    factoryFor: (model) => run.entries.find((e) => e.model === model && e.Factory),
    customConstruct: (entry) => run.construct[entry.model] ?? run.construct[entry.className],
    /** The factory made for this transaction: `new Factory(tx)`, or the `construct` option's way for it. */
    async instantiate(entry, tx) {
      const custom = run.customConstruct(entry)
      if (!custom) return construct(entry.Factory, tx, entry)
      const createMinimal = async (model) => {
        const other = run.factoryFor(model)
        if (!other) throw new Error(`construct of ${entry.className}: no factory of ${model}`)
        return (await run.instantiate(other, tx)).createMinimal()
      }
      const instance = await custom(tx, entry.Factory, { createMinimal })
      if (!instance || typeof instance !== 'object') throw new Error(`options.construct for ${entry.className} returned ${instance === null ? 'null' : typeof instance}, not a factory`)
      return instance
    },
    async parentData(tx, model, unique) {
      const entry = run.factoryFor(model)
      if (!entry) throw new Error(`no factory of ${model} to make the row a fixture refers to`)
      const instance = await run.instantiate(entry, tx)
      if (typeof instance.generateMinimalData !== 'function') throw new Error(`${entry.className} has no generateMinimalData() to make the row a fixture refers to`)
      return instance.generateMinimalData(unique)
    },
    connect(prisma) {
      if (!prisma || typeof prisma.$transaction !== 'function') throw new TypeError('verifyFactories: options.prisma must be a PrismaClient (or a function returning one)')
      run.prisma = prisma
      run.catalog = new Catalog(prisma)
    },
  }
  return run
}

function skipReason(run, entry) {
  return run.skip[entry.model] ?? run.skip[entry.className]
}

/** One factory's `method`: `{ ok, checks, diagnostics }`. */
async function verifyMethod(run, entry, method) {
  let checks
  try {
    // The other factories make the parent rows; one that does not load only fails the checks needing it.
    await Promise.allSettled(run.entries.filter((e) => e !== entry && !e.Factory && e.file).map((e) => loadClass(e, run.load)))
    checks = await new FactoryChecks(entry, run).method(method)
  } catch (error) {
    checks = [{ check: method, ok: false, cause: lastLine(error), ...locate(run.sources, entry) }]
  }
  const diagnostics = checks.filter((c) => !c.ok).map((c) => diagnostic(entry, method, c))
  return { ok: diagnostics.length === 0, checks, diagnostics }
}

function diagnostic(entry, method, check) {
  const line = check.line ?? entry.line ?? 1
  return {
    code: check.code ?? 'verify-failed',
    severity: 'error',
    file: check.file ?? entry.file ?? `${entry.className} (file not found by the factory index)`,
    line,
    column: check.column ?? 1,
    endLine: line,
    endColumn: check.endColumn ?? 2,
    message: `${entry.className}${entry.model ? ` (${entry.model})` : ''} ${method}: ${check.check}: ${check.cause}`,
  }
}

/**
 * Verifies every factory: `{ ok, durationMs, results, report, text }`. `report` is a
 * `ValidationReport` (the validator's factory index, the failures as diagnostics) that
 * `formatValidationReport` renders; `text` is it rendered in `format` (also printed unless `print: false`).
 */
async function verifyFactories(options) {
  const started = performance.now()
  const run = prepare(options, options?.runner)
  run.connect(typeof options.prisma === 'function' ? await options.prisma() : options.prisma)
  const results = []
  for (const entry of run.entries) {
    const reason = skipReason(run, entry)
    for (const method of run.methods) {
      if (reason) {
        results.push({ className: entry.className, model: entry.model, file: entry.file, line: entry.line, method, status: 'skipped', reason, checks: [] })
        continue
      }
      const t0 = performance.now()
      const outcome = await verifyMethod(run, entry, method)
      results.push({ className: entry.className, model: entry.model, file: entry.file, line: entry.line, method, status: outcome.ok ? 'passed' : 'failed', ms: performance.now() - t0, checks: outcome.checks, diagnostics: outcome.diagnostics })
    }
  }
  const report = reportOf(run, results.flatMap((r) => r.diagnostics ?? []), performance.now() - started)
  const text = render(report, run.cwd, options)
  const print = options.print === undefined ? (t) => process.stderr.write(t) : options.print
  if (print) print(text)
  return { ok: report.ok, durationMs: report.durationMs, results, report, text }
}

function reportOf(run, diagnostics, durationMs) {
  const sorted = [...diagnostics].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.message.localeCompare(b.message))
  return {
    ok: sorted.every((d) => d.severity !== 'error'),
    durationMs,
    schema: run.validation.schema,
    coverage: run.validation.coverage,
    factories: run.validation.factories,
    diagnostics: sorted,
    files: run.validation.files,
  }
}

function render(report, cwd, options = {}) {
  const native = require('../binding.js')
  return native.formatValidationReport(report, { format: options.format ?? 'pretty', cwd, quiet: options.quiet ?? false })
}

// ---------------------------------------------------------------------------------------------
// describeFactories: one describe per factory, one test per method, with the runner's own functions.

/**
 * Declares the checks as tests of the running Jest or Vitest file. Call it at the top level of a
 * test file (collection is synchronous: the factory index is read now, the classes load in the tests).
 */
function describeFactories(options) {
  const { runner, title = 'fixture factories', ...rest } = options ?? {}
  const describe = runner?.describe ?? globalThis.describe
  const test = runner?.test ?? runner?.it ?? globalThis.test ?? globalThis.it
  if (typeof describe !== 'function' || typeof test !== 'function') {
    throw new Error('describeFactories: no describe/test of a test runner here; call it from a Jest or Vitest test file (Vitest without globals: import it from "@vrooli/fixture-native/verify" as an ES module)')
  }
  const run = prepare(rest, runner)
  // A client given as such is checked now; one made by a function, when the first test runs.
  if (typeof rest.prisma !== 'function' && typeof rest.prisma?.$transaction !== 'function') {
    throw new TypeError('describeFactories: options.prisma must be a PrismaClient (or a function returning one)')
  }
  const format = rest.format ?? 'pretty'
  let connected = false
  const connect = async () => {
    if (connected) return
    run.connect(typeof rest.prisma === 'function' ? await rest.prisma() : rest.prisma)
    connected = true
  }
  describe(title, () => {
    for (const entry of run.entries) {
      const reason = skipReason(run, entry)
      describe(`${entry.className}${entry.model ? ` (${entry.model})` : ''}`, () => {
        for (const method of run.methods) {
          if (reason) {
            test.skip(`${method} (skipped: ${reason})`, () => {})
            continue
          }
          test(method, async () => {
            await connect()
            const outcome = await verifyMethod(run, entry, method)
            if (outcome.ok) return
            const report = reportOf(run, outcome.diagnostics, 0)
            // The diagnostics alone: the report's summary lines (factory count, timing) say nothing about this test.
            const text = render(report, run.cwd, { format: format === 'json' ? 'pretty' : format })
              .split('\n').filter((l) => !/^(\d+ factories in \d+ files|Found \d+ errors?|No problems found)/.test(l)).join('\n').trimEnd()
            const error = new Error(`${entry.className} ${method} failed:\n${text}`)
            error.stack = error.message // the message is the report; a stack into this file says nothing more
            Object.defineProperty(error, 'report', { value: report, enumerable: false })
            throw error
          }, run.timeout)
        }
      })
    }
  })
}

// ---------------------------------------------------------------------------------------------

function setupError(message, cause) {
  const error = new Error(`fixture-native verify: ${message}`)
  error.code = 'ERR_FIXTURE_NATIVE_VERIFY_SETUP'
  error.cause = cause
  return error
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v)
const list = (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v])
const dig = (value, keys) => keys.reduce((v, k) => v?.[k], value)
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const show = (v) => (typeof v === 'string' ? JSON.stringify(v) : typeof v === 'bigint' ? `${v}n` : v instanceof Date ? v.toISOString() : String(v))

/** The last meaningful line of an error message (Prisma puts the reason there, after the call it quotes). */
function lastLine(error) {
  const lines = String(error?.message ?? error).split('\n').map((l) => l.trim()).filter(Boolean)
  return lines.at(-1) ?? ''
}

module.exports = { verifyFactories, describeFactories, METHODS }
