'use strict'
// A Prisma interactive transaction that is always rolled back: what `verifyFactories` runs each check
// in, and this repository's insert judge each fixture. Nothing written inside it survives.

const ROLLBACK = Symbol('fixture-native: roll back')

/** `fn(tx)` inside a transaction that always rolls back: `{ ok: true, value }` or `{ ok: false, error }`. */
async function rolledBack(prisma, timeout, fn) {
  let value
  try {
    await prisma.$transaction(async (tx) => {
      value = await fn(tx)
      throw ROLLBACK
    }, { timeout, maxWait: timeout })
  } catch (error) {
    if (error === ROLLBACK) return { ok: true, value }
    return { ok: false, error }
  }
  throw new Error('fixture-native: the transaction committed; it must always roll back')
}

module.exports = { rolledBack }
