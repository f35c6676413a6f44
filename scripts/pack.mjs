#!/usr/bin/env node
// Packs what `npm publish` would publish for this machine: the main package and the platform
// package holding the built addon (npm/<platform>/ plus the `.node` file), as napi-rs's
// pre-publish does. The main package's optionalDependencies on every platform package are added
// here, in a staged copy, not in the committed package.json: there they would make `npm ci` of this
// repository look for platform packages that are not published yet.
//
//   node scripts/pack.mjs [--out DIR] [--binary FILE] [--json]
//
// Default DIR .fixture-native-tmp/pack; default FILE the `npx napi build --platform` output in the
// repository root. Prints the two tarball paths (or, with --json, { main, platform, platformPackage }).
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createRequire } from 'node:module'

const { platformPackageSuffix, targetSuffix } = createRequire(import.meta.url)('../platform.js')

const repo = path.resolve(fileURLToPath(new URL('..', import.meta.url)))
const usage = 'usage: node scripts/pack.mjs [--out DIR] [--binary FILE] [--json]'
let values
try {
  ;({ values } = parseArgs({ options: { out: { type: 'string' }, binary: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }))
} catch (err) {
  console.error(`${err.message}\n${usage}`)
  process.exit(2)
}
if (values.help) {
  console.log(usage)
  process.exit(0)
}

const pkg = JSON.parse(await readFile(path.join(repo, 'package.json'), 'utf8'))
const binaryName = pkg.napi.binaryName
const suffix = platformPackageSuffix()
const platformDir = path.join(repo, 'npm', suffix)
if (!existsSync(platformDir)) fail(`no platform package folder npm/${suffix} for this machine (targets: ${pkg.napi.targets.join(', ')})`)
const nodeFile = `${binaryName}.${suffix}.node`
const binary = path.resolve(values.binary ?? path.join(repo, nodeFile))
if (!existsSync(binary)) fail(values.binary ? `--binary ${values.binary} does not exist` : `${nodeFile} does not exist in the repository root: build the addon first (npm run build)`)
const out = path.resolve(values.out ?? path.join(repo, '.fixture-native-tmp', 'pack'))
await mkdir(out, { recursive: true })

const stage = await mkdtemp(path.join(os.tmpdir(), 'fixture-native-pack-'))
try {
  // The platform package: its folder as committed, plus the binary.
  const platformStage = path.join(stage, 'platform')
  await cp(platformDir, platformStage, { recursive: true })
  await cp(binary, path.join(platformStage, nodeFile))
  const platformPkg = JSON.parse(await readFile(path.join(platformStage, 'package.json'), 'utf8'))
  if (platformPkg.version !== pkg.version) fail(`npm/${suffix}/package.json has version ${platformPkg.version}, the package ${pkg.version}`)

  // The main package: its `files`, README, and package.json with optionalDependencies, without what
  // only this repository needs (scripts, devDependencies, test config).
  const mainStage = path.join(stage, 'main')
  await mkdir(mainStage)
  for (const entry of [...pkg.files, 'README.md']) {
    await cp(path.join(repo, entry), path.join(mainStage, entry), { recursive: true })
  }
  const { scripts, devDependencies, jest, ...published } = pkg
  published.optionalDependencies = Object.fromEntries(
    pkg.napi.targets.map((t) => [`${pkg.name}-${targetSuffix(t)}`, pkg.version]),
  )
  await writeFile(path.join(mainStage, 'package.json'), `${JSON.stringify(published, null, 2)}\n`)

  // Progress on standard error (standard output is the result); compressing the addon takes seconds.
  console.error(`pack: ${platformPkg.name} (${path.relative(repo, binary)})`)
  const platformTarball = npmPack(platformStage)
  console.error(`pack: ${pkg.name}`)
  const mainTarball = npmPack(mainStage)
  const result = { main: mainTarball, platform: platformTarball, platformPackage: platformPkg.name }
  if (values.json) console.log(JSON.stringify(result))
  else console.log(`${mainTarball}\n${platformTarball}`)
} finally {
  await rm(stage, { recursive: true, force: true })
}

function npmPack(dir) {
  const stdout = execFileSync('npm', ['pack', dir, '--pack-destination', out, '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  return path.join(out, JSON.parse(stdout)[0].filename)
}

function fail(message) {
  console.error(`pack: ${message}`)
  process.exit(2)
}
