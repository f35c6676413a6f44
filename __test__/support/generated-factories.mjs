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

/** Every TypeScript file under `dir` transpiled beside itself (`x.ts` -> `x.js`); tsc checks the types elsewhere. */
export function transpileInPlace(dir) {
  const ts = require('typescript')
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts')) continue
    const file = path.join(entry.parentPath ?? entry.path, entry.name)
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
      fileName: entry.name,
    })
    writeFileSync(file.replace(/\.ts$/, '.js'), outputText)
  }
}

/** For `verifyFactories({ import })`: a factory's `.ts` file loaded from the `.js` transpiled beside it. */
export const importTranspiled = (file) => import(pathToFileURL(file.replace(/\.ts$/, '.js')).href)

/** Every factory of `dir`, transpiled and instantiated with `prisma`: `{ [model]: factory }`. */
export async function loadFactories(dir, prisma) {
  transpileInPlace(dir)
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
