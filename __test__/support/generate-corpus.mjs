// The PostgreSQL schemas `fixture-native generate` is proven on, beyond Vrooli's: the public
// projects of the shared corpus (`../shared/corpus` beside the clone, or FIXTURE_NATIVE_CORPUS) and
// the repository's own multi-file schema of hard shapes (`__test__/fixtures/generate/hard-shapes/`).
//
//   corpusSchemas(): [{ name, path, models, setupSql }]
//       Every PostgreSQL schema of the corpus but Vrooli's (tested on its own), and the hard shapes.
//       `path` is what a user passes to `generate --schema` (a file, or a folder of .prisma files).
//   prismaReady(schemaPath, dir): string
//       One `schema.prisma` in `dir` that Prisma 7's CLI and schema engine accept offline, with the
//       same datamodel: the files of a folder joined, every generator replaced by one
//       `prisma-client-js` (a Go client or the `prisma-client` generator would write no
//       `@prisma/client` for the factories to import), and the datasource's connection settings
//       dropped (Prisma 7 rejects them).

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = fileURLToPath(new URL('../../', import.meta.url))
export const corpusRoot = process.env.FIXTURE_NATIVE_CORPUS ?? path.join(repo, '..', 'shared', 'corpus')
export const hardShapesSchema = path.join(repo, '__test__', 'fixtures', 'generate', 'hard-shapes')

/**
 * [folder, models in the DMMF, SQL run before the DDL] of the corpus's PostgreSQL schemas besides
 * Vrooli's. documenso indexes with `gin_trgm_ops` without declaring the extension that has it.
 */
const CORPUS_POSTGRESQL = [
  ['boxyhq-saas-starter', 12],
  ['dittofeed', 27],
  ['documenso', 51, 'CREATE EXTENSION IF NOT EXISTS pg_trgm;'],
  ['hatchet', 64],
  ['hoppscotch', 23],
  ['nextcrm', 84],
  ['papermark', 62],
]

export function corpusSchemas() {
  const corpus = CORPUS_POSTGRESQL.map(([name, models, setupSql = '']) => {
    const folder = path.join(corpusRoot, name)
    const file = path.join(folder, 'schema.prisma')
    return { name, path: existsSync(file) ? file : path.join(folder, 'schema'), models, setupSql }
  })
  return [...corpus, { name: 'hard-shapes', path: hardShapesSchema, models: null, setupSql: '' }]
}

/** The text of a schema file, or of every `.prisma` file of a folder (sorted, recursively). */
export function schemaText(schemaPath) {
  if (!statSync(schemaPath).isDirectory()) return readFileSync(schemaPath, 'utf8')
  const files = readdirSync(schemaPath, { recursive: true }).filter((f) => f.endsWith('.prisma')).sort()
  return files.map((f) => `// ${f}\n${readFileSync(path.join(schemaPath, f), 'utf8')}`).join('\n')
}

const BLOCK = /^[ \t]*(generator|datasource)\s+(\w+)\s*\{[\s\S]*?^\s*\}[ \t]*$/gm

export function prismaReady(schemaPath, dir) {
  const text = schemaText(schemaPath)
  const generators = [...text.matchAll(BLOCK)].filter((m) => m[1] === 'generator').map((m) => m[0])
  // Preview features of the schema's own client generator (`postgresqlExtensions` changes the DDL).
  const client = generators.find((g) => /provider\s*=\s*"prisma-client(-js)?"/.test(g))
  // Features a later Prisma made standard, or dropped, are unknown to Prisma 7's engine.
  const dropped = new Set(['metrics', 'driverAdapters', 'prismaSchemaFolder', 'tracing', 'omitApi', 'fullTextIndex', 'multiSchema'])
  const listed = client && /^\s*previewFeatures\s*=\s*\[([^\]]*)\]/m.exec(client)?.[1]
  const features = (listed ?? '').split(',').map((f) => f.trim()).filter((f) => f && !dropped.has(JSON.parse(f)))
  const preview = features.length ? `previewFeatures = [${features.join(', ')}]` : null
  const out = text.replace(BLOCK, (block, kind) => {
    if (kind === 'generator') return ''
    return block.replace(/^[ \t]*(url|directUrl|shadowDatabaseUrl)\s*=.*$\n?/gm, '')
  })
  const generator = `generator client {\n  provider = "prisma-client-js"\n${preview ? `  ${preview}\n` : ''}}\n`
  const file = path.join(dir, 'schema.prisma')
  writeFileSync(file, `${generator}\n${out}`)
  return file
}
