'use strict'
// The rows a create input refers to without creating them (a `connect`, a foreign key written as a
// scalar), created first inside the caller's transaction from the project's own factories, so a
// fixture written for a seeded database can be inserted into an empty one. Shared by
// `verifyFactories` (valid fixture categories) and this repository's insert judge.
//
//   new Parents(tx, schema, parentData).ensureFor(modelName, data)
//
// `schema` is the addon's `loadSchema(...)` result; `parentData(model, unique)` returns (or resolves
// to) the minimal create data of a row of `model` holding the given unique values.

const MAX_DEPTH = 8

class Parents {
  constructor(tx, schema, parentData) {
    this.tx = tx
    this.models = schema instanceof Map ? schema : new Map(schema.models.map((m) => [m.name, m]))
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
    if (this.depth > MAX_DEPTH) throw new Error(`parent rows nest deeper than ${MAX_DEPTH} levels at ${modelName}`)
    this.depth += 1
    try {
      const data = await this.parentData(modelName, unique)
      await this.ensureFor(modelName, data)
      await delegate.create({ data })
    } finally {
      this.depth -= 1
    }
  }
}

const list = (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v])

module.exports = { Parents }
