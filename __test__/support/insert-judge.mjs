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

import { createRequire } from 'node:module'

// The parent rows and the rolled-back transaction are the ones `verifyFactories` ships.
const { Parents } = createRequire(import.meta.url)('../../runners/verify-parents.js')
const { rolledBack } = createRequire(import.meta.url)('../../runners/rolled-back.js')

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
  const outcome = await rolledBack(prisma, 30_000, fn)
  return outcome.ok ? { ok: true } : { ok: false, error: summarize(outcome.error) }
}

/** One line: Prisma's error code (or the error's name) and the message's last meaningful line. */
export function summarize(error) {
  const lines = String(error?.message ?? error).split('\n').map((l) => l.trim()).filter(Boolean)
  const last = lines.at(-1) ?? ''
  const code = error?.code ?? error?.name ?? 'Error'
  return `${code}: ${last}`.replace(/\s+/g, ' ').slice(0, 160)
}
