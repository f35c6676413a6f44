// Inserts one fixture with a real Prisma client inside a transaction that is always rolled back,
// creating first the parent rows its `connect`s and foreign keys need.
//
//   insertRolledBack(prisma, schema, target, value, { parentData, parents = true }) -> { ok: true } | { ok: false, error }
//
// With `parents: false` the rows the fixture itself refers to (its `connect`s, its foreign keys)
// are not created: an `invalid` fixture is judged as a test uses it, alone. (A nested-create
// fixture's own parent, the row it is created under, is still made from `parentData`.)
//
// `schema` is the addon's `loadSchema(...)` result; `target` is `{ model, kind, relationField? }`
// (the resolved create-input type: `createInput`, `uncheckedCreateInput`, `createManyInput`,
// `createWithout`/`uncheckedCreateWithout` of `relationField`); `parentData(model, unique)` returns
// the minimal create data of a parent row with the given unique values (the project's own factories).

const ROLLBACK = Symbol('rollback')

export async function insertRolledBack(prisma, schema, target, value, { parentData, parents: withParents = true }) {
  const models = new Map(schema.models.map((m) => [m.name, m]))
  const delegateOf = (name) => models.get(name)?.delegate
  return runRolledBack(prisma, async (tx) => {
      const parents = new Parents(tx, models, parentData)
      if (value === null || typeof value !== 'object') throw new TypeError(`the fixture is ${value === null ? 'null' : typeof value}, not an object`)
      const ensureFor = (model, data) => withParents && parents.ensureFor(model, data)
      switch (target.kind) {
        case 'createInput':
        case 'uncheckedCreateInput':
          await ensureFor(target.model, value)
          await tx[delegateOf(target.model)].create({ data: value })
          break
        case 'createManyInput':
          await ensureFor(target.model, value)
          await tx[delegateOf(target.model)].createMany({ data: [value] })
          break
        case 'createWithout':
        case 'uncheckedCreateWithout': {
          // Only insertable under its parent: create the parent with this as its nested create.
          const model = models.get(target.model)
          const relation = model.fields.find((f) => f.name === target.relationField)
          const parentModel = models.get(relation.type)
          const back = parentModel.fields.find((f) => f.relationName === relation.relationName && f.type === model.name && f.name !== relation.name)
          const container = parentData(parentModel.name, {})
          const data = { ...container, [back.name]: { create: value } }
          await parents.ensureFor(parentModel.name, withParents ? data : container)
          await tx[parentModel.delegate].create({ data })
          break
        }
        default:
          throw new Error(`not a create input kind: ${target.kind}`)
      }
  })
}

/** Runs `fn(tx)` in a transaction that is always rolled back: `{ ok: true }` or `{ ok: false, error }`. */
export async function runRolledBack(prisma, fn) {
  try {
    await prisma.$transaction(async (tx) => {
      await fn(tx)
      throw ROLLBACK
    }, { timeout: 30_000, maxWait: 30_000 })
  } catch (error) {
    if (error === ROLLBACK) return { ok: true }
    return { ok: false, error: summarize(error) }
  }
  throw new Error('the transaction committed: it must always roll back')
}

/** One line: Prisma's error code (or the error's name) and the message's last meaningful line. */
export function summarize(error) {
  const lines = String(error?.message ?? error).split('\n').map((l) => l.trim()).filter(Boolean)
  const last = lines.at(-1) ?? ''
  const code = error?.code ?? error?.name ?? 'Error'
  return `${code}: ${last}`.replace(/\s+/g, ' ').slice(0, 160)
}

class Parents {
  constructor(tx, models, parentData) {
    this.tx = tx
    this.models = models
    this.parentData = parentData
    this.depth = 0
  }

  /** Every row that `data` (create data of `modelName`) refers to without creating it. */
  async ensureFor(modelName, data) {
    const model = this.models.get(modelName)
    if (!model || !data || typeof data !== 'object') return
    for (const [key, value] of Object.entries(data)) {
      const field = model.fields.find((f) => f.name === key)
      if (!field || value === null || value === undefined) continue
      if (field.kind === 'object') {
        if (typeof value !== 'object') continue
        for (const where of list(value.connect)) await this.ensureRow(field.type, where)
        for (const nested of list(value.create)) await this.ensureFor(field.type, nested)
        for (const nested of list(value.createMany?.data)) await this.ensureFor(field.type, nested)
        for (const nested of list(value.connectOrCreate)) await this.ensureFor(field.type, nested?.create)
        continue
      }
      // A foreign key written as a scalar: its row must exist.
      const relation = model.fields.find((f) => f.kind === 'object' && f.relationFromFields?.length === 1 && f.relationFromFields[0] === key)
      if (relation && !(relation.name in data) && (typeof value === 'bigint' || typeof value === 'number' || typeof value === 'string')) {
        await this.ensureRow(relation.type, { [relation.relationToFields[0]]: value })
      }
    }
  }

  /** A row of `modelName` matching the unique `where` (compound uniques spread), created when missing. */
  async ensureRow(modelName, where) {
    const model = this.models.get(modelName)
    if (!model || !where || typeof where !== 'object') return
    const unique = {}
    for (const [key, value] of Object.entries(where)) {
      const isField = model.fields.some((f) => f.name === key)
      if (!isField && value && typeof value === 'object' && !(value instanceof Date)) Object.assign(unique, value)
      else unique[key] = value
    }
    const delegate = this.tx[model.delegate]
    if (await delegate.findFirst({ where: unique })) return
    if (this.depth > 8) throw new Error(`parent rows nest deeper than 8 levels at ${modelName}`)
    this.depth += 1
    try {
      const data = this.parentData(modelName, unique)
      await this.ensureFor(modelName, data)
      await delegate.create({ data })
    } finally {
      this.depth -= 1
    }
  }
}

const list = (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v])
