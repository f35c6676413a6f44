// The platform package names the missing-binary error and the packer use (platform.js) are the ones
// napi-rs made under npm/, one per target of package.json.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const { platformPackageSuffix, targetSuffix } = require('../platform.js')
const pkg = require('../package.json')
const npmDir = new URL('../npm/', import.meta.url)

test('every napi target maps to its npm/ folder and package name', () => {
  const folders = readdirSync(npmDir).sort()
  assert.deepEqual(pkg.napi.targets.map(targetSuffix).sort(), folders)
  for (const folder of folders) {
    const platformPkg = JSON.parse(readFileSync(new URL(`${folder}/package.json`, npmDir), 'utf8'))
    assert.equal(platformPkg.name, `${pkg.name}-${folder}`)
    assert.equal(platformPkg.version, pkg.version)
    assert.equal(platformPkg.main, `${pkg.napi.binaryName}.${folder}.node`)
  }
})

test('this machine has a platform package, named as the binary the build made', () => {
  const suffix = platformPackageSuffix()
  assert.ok(readdirSync(npmDir).includes(suffix), `npm/${suffix}`)
  assert.ok(readdirSync(new URL('..', import.meta.url)).includes(`${pkg.napi.binaryName}.${suffix}.node`))
})

test('the committed package.json has no optionalDependencies (they are added when packing)', () => {
  assert.equal(pkg.optionalDependencies, undefined)
})
