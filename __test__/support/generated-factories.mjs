// Generated factories as a user gets them, made runnable: a fresh project holding only the bundled
// example's base class, fixtures interface and id helpers; `fixture-native generate --all-missing`
// run in it; each TypeScript file transpiled beside itself (tsc checks the types elsewhere), so the
// factories can be instantiated with a real PrismaClient and asked to insert.

import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)
const { loadSchema, runCli } = require('../../index.js')

const repo = fileURLToPath(new URL('../../', import.meta.url))
const examples = path.join(repo, 'examples')

/** The bundled example's schema (12 models). */
export const exampleSchema = path.join(examples, 'prisma', 'schema.prisma')
/** Every shape the generator writes data for (scalar types, keys, relations), see the file. */
export const everyShapeSchema = path.join(repo, '__test__', 'fixtures', 'generate', 'every-shape.prisma')
/**
 * Vrooli's schema (66 models) in the shared corpus: `../shared/corpus` beside the clone (CI), or
 * the folder `FIXTURE_NATIVE_CORPUS` names (a checkout elsewhere). May be absent locally.
 */
export const vrooliSchema = path.join(process.env.FIXTURE_NATIVE_CORPUS ?? path.join(repo, '..', 'shared', 'corpus'), 'vrooli', 'schema.prisma')

/** A project with the example's base class, `"type": "module"` and a strict tsconfig for `*.ts`. */
export function freshProject(name) {
  const dir = mkdtempSync(path.join(tmpdir(), `fixture-native-generate-${name}-`))
  for (const file of ['EnhancedDatabaseFactory.ts', 'types.ts', 'ids.ts']) {
    copyFileSync(path.join(examples, 'src', 'fixtures', 'db', file), path.join(dir, file))
  }
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ private: true, type: 'module' }))
  const tsconfig = JSON.parse(readFileSync(path.join(examples, 'tsconfig.json'), 'utf8').replace(/^\s*\/\/.*$/gm, ''))
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ ...tsconfig, include: ['*.ts'] }, null, 2))
  return dir
}

/** `generate --all-missing` into a fresh project: `{ dir, outcome, ms }` (outcome: the JSON report). */
export function generateProject(name, schemaPath) {
  const dir = freshProject(name)
  const started = performance.now()
  const cli = runCli(['generate', '--all-missing', '--schema', schemaPath, '--out', '.', '--format', 'json'], dir)
  const ms = performance.now() - started
  if (cli.exitCode !== 0) throw new Error(`generate exited ${cli.exitCode}:\n${cli.stdout}${cli.stderr}`)
  return { dir, outcome: JSON.parse(cli.stdout), ms }
}

/** Every factory of `dir`, transpiled and instantiated with `prisma`: `{ [model]: factory }`. */
export async function loadFactories(dir, prisma) {
  const ts = require('typescript')
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const { outputText } = ts.transpileModule(readFileSync(path.join(dir, file), 'utf8'), {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
      fileName: file,
    })
    writeFileSync(path.join(dir, file.replace(/\.ts$/, '.js')), outputText)
  }
  const factories = {}
  for (const file of readdirSync(dir).filter((f) => f.endsWith('DbFactory.js'))) {
    const module = await import(pathToFileURL(path.join(dir, file)).href)
    for (const Factory of Object.values(module)) {
      const factory = new Factory(prisma)
      factories[factory.modelName] = factory
    }
  }
  return factories
}

const firstLine = (error) => String(error?.message ?? error).split('\n').map((l) => l.trim()).filter(Boolean).at(-1)

/**
 * `createMinimal` and `createComplete`, each twice (unique values must not collide), for every
 * factory: `[{ model, minimal: null | message, complete: null | message }]`.
 */
export async function insertEach(factories) {
  const results = []
  for (const [model, factory] of Object.entries(factories)) {
    const attempt = async (method) => {
      try {
        await factory[method]()
        await factory[method]()
        return null
      } catch (error) {
        return firstLine(error)
      }
    }
    results.push({ model, minimal: await attempt('createMinimal'), complete: await attempt('createComplete') })
  }
  return results
}

/**
 * The plan's relationship tests (phase 6.3): for each `createFor<Relation>(id)` helper, a parent
 * made by its own factory, then a child made for the parent's key must hold that key.
 * `[{ check: 'award.createForUser', ok, detail }]`.
 */
export async function relationshipChecks(factories, schemaPath) {
  const models = loadSchema(schemaPath).models
  const results = []
  for (const [model, factory] of Object.entries(factories)) {
    const fields = models.find((m) => m.name === model).fields
    for (const field of fields.filter((f) => f.kind === 'object' && !f.isList && f.relationFromFields?.length === 1)) {
      const method = `createFor${field.name[0].toUpperCase()}${field.name.slice(1)}`
      if (typeof factory[method] !== 'function') continue
      const check = `${model}.${method}`
      try {
        const key = field.relationToFields[0]
        const parent = await factories[field.type].createMinimal()
        const child = await factory[method](parent[key])
        const held = child[field.relationFromFields[0]]
        results.push({ check, ok: held === parent[key], detail: `${field.relationFromFields[0]} ${held} for parent ${key} ${parent[key]}` })
      } catch (error) {
        results.push({ check, ok: false, detail: firstLine(error) })
      }
    }
  }
  return results
}

/**
 * The other way round: every fixture under `getFixtures().invalid` must be rejected by Prisma or
 * PostgreSQL. `[{ fixture: 'award.invalid.missingRequired', rejected, detail }]`.
 */
export async function invalidFixtureChecks(factories) {
  const results = []
  for (const [model, factory] of Object.entries(factories)) {
    for (const [name, data] of Object.entries(factory.getFixtures().invalid)) {
      const fixture = `${model}.invalid.${name}`
      try {
        await factory.getPrismaDelegate().create({ data })
        results.push({ fixture, rejected: false, detail: 'inserted' })
      } catch (error) {
        results.push({ fixture, rejected: true, detail: firstLine(error) })
      }
    }
  }
  return results
}
