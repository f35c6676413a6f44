// The front door: every relative link and anchor in README.md and docs/ resolves, docs/codes.md is
// what the rules' docs generate, and every README snippet marked to run does, on the bundled example.
//
// README snippets carry a marker on the line before their fence:
//   <!-- snippet: run [in DIR] -->  sh: each command line runs with bash in DIR (default the
//                                   repository); a trailing `# exit N` is its expected status.
//                                   js: the block runs as a CommonJS module in DIR.
//   <!-- snippet: check -->         js: parses, and every `@vrooli/fixture-native…` specifier resolves;
//                                   json: parses.
//   <!-- snippet: skip: why -->     not run, with the reason.
// `npx fixture-native` runs this checkout's bin (the package is not installed in its own folder);
// `require('@vrooli/fixture-native…')` resolves to this checkout (a package may import itself by name).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const repo = fileURLToPath(new URL('..', import.meta.url))
const { diagnosticRules } = require('../binding.js')
const { renderCodesPage } = await import('../scripts/codes-doc.mjs')

const pages = ['README.md', ...readdirSync(path.join(repo, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)]
const read = (rel) => readFileSync(path.join(repo, rel), 'utf8')

/** Text outside fenced code blocks (links inside code are examples, not links). */
function prose(text) {
  return text.replace(/^```[\s\S]*?^```/gm, '')
}

/** GitHub's heading anchors: lower case, punctuation but `-` and `_` dropped, spaces to `-`, repeats numbered. */
export function anchorsOf(text) {
  const seen = new Map()
  const anchors = new Set()
  for (const m of prose(text).matchAll(/^#{1,6} (.+)$/gm)) {
    const base = m[1].trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-')
    const n = seen.get(base) ?? 0
    seen.set(base, n + 1)
    anchors.add(n === 0 ? base : `${base}-${n}`)
  }
  return anchors
}

test('anchors follow GitHub: punctuation dropped, repeats numbered', () => {
  assert.deepEqual([...anchorsOf("# The repair plan's npm scripts\n## `diff`: what breaks\n## Benchmark\n## Benchmark\n")],
    ['the-repair-plans-npm-scripts', 'diff-what-breaks', 'benchmark', 'benchmark-1'])
})

test('every relative link and anchor in README.md and docs/ resolves', () => {
  const problems = []
  let checked = 0
  for (const page of pages) {
    for (const m of prose(read(page)).matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1]
      if (/^[a-z]+:/i.test(target)) continue // https:, mailto:
      checked++
      const [file, anchor] = target.split('#')
      const resolved = file ? path.join(path.dirname(page), file) : page
      if (!existsSync(path.join(repo, resolved))) {
        problems.push(`${page}: ${target}: no file ${resolved}`)
        continue
      }
      if (anchor !== undefined && resolved.endsWith('.md') && !anchorsOf(read(resolved)).has(anchor)) {
        problems.push(`${page}: ${target}: no heading #${anchor} in ${resolved}`)
      }
    }
  }
  assert.deepEqual(problems, [])
  assert.ok(checked > 20, `only ${checked} links checked`)
})

test('the README stays a front door: under 250 lines, the gate and the shim in the first screen after the quick start', () => {
  const readme = read('README.md')
  assert.ok(readme.split('\n').length <= 250, `${readme.split('\n').length} lines`)
  const afterQuickStart = readme.slice(readme.indexOf('## Quick start'))
  const firstScreen = afterQuickStart.split('\n').slice(0, 110).join('\n')
  assert.match(firstScreen, /globalSetup: '@vrooli\/fixture-native\/jest'/)
  assert.match(firstScreen, /@vrooli\/fixture-native\/id/)
})

test('docs/codes.md is generated from the rules and current (node scripts/codes-doc.mjs)', () => {
  const rules = diagnosticRules()
  const page = read('docs/codes.md')
  assert.equal(page, renderCodesPage(rules), 'docs/codes.md is stale: run `node scripts/codes-doc.mjs`')
  for (const r of rules) assert.ok(anchorsOf(page).has(r.code), r.code)
})

/** The README's fenced blocks with their markers. */
function snippets() {
  const out = []
  const re = /(?:<!-- snippet: (.+?) -->\n)?```(\w*)\n([\s\S]*?)^```/gm
  for (const m of read('README.md').matchAll(re)) {
    out.push({ marker: m[1], lang: m[2], body: m[3], line: read('README.md').slice(0, m.index).split('\n').length })
  }
  return out
}

test('every README code block says whether it runs', () => {
  const unmarked = snippets().filter((s) => !s.marker).map((s) => `README.md:${s.line} (${s.lang})`)
  assert.deepEqual(unmarked, [])
  for (const s of snippets().filter((s) => s.marker.startsWith('skip'))) {
    assert.match(s.marker, /^skip: \S/, `README.md:${s.line}: a skip says why`)
  }
})

test('every README snippet marked run or check runs as written on the bundled example', () => {
  const tmp = path.join(repo, '.fixture-native-tmp', 'snippets')
  rmSync(tmp, { recursive: true, force: true })
  mkdirSync(tmp, { recursive: true })
  let ran = 0
  try {
    for (const [i, s] of snippets().entries()) {
      const where = `README.md:${s.line}`
      const [kind, , dir = '.'] = s.marker.split(' ')
      if (kind === 'skip:') continue
      const cwd = path.join(repo, dir)
      if (kind === 'run' && s.lang === 'sh') {
        for (const raw of s.body.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'))) {
          const expected = Number(/#\s*exit (\d+)\s*$/.exec(raw)?.[1] ?? 0)
          const command = raw.replace(/\s+#.*$/, '').replace(/^npx fixture-native\b/, `node ${JSON.stringify(path.join(repo, 'bin/fixture-native.js'))}`)
          const r = spawnSync('bash', ['-c', command], { cwd, encoding: 'utf8' })
          assert.equal(r.status, expected, `${where}: \`${raw}\` exited ${r.status}\n${r.stdout}${r.stderr}`)
          ran++
        }
      } else if (kind === 'run' && s.lang === 'js') {
        const file = path.join(tmp, `snippet-${i}.cjs`)
        writeFileSync(file, s.body)
        const r = spawnSync(process.execPath, [file], { cwd, encoding: 'utf8' })
        assert.equal(r.status, 0, `${where}: exited ${r.status}\n${r.stdout}${r.stderr}`)
        ran++
      } else if (kind === 'check' && s.lang === 'json') {
        assert.doesNotThrow(() => JSON.parse(s.body), where)
        ran++
      } else if (kind === 'check' && s.lang === 'js') {
        const file = path.join(tmp, `snippet-${i}.${/^export /m.test(s.body) ? 'mjs' : 'cjs'}`)
        writeFileSync(file, s.body)
        const syntax = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' })
        assert.equal(syntax.status, 0, `${where}: ${syntax.stderr}`)
        for (const m of s.body.matchAll(/'(@vrooli\/fixture-native[^']*)'/g)) {
          assert.doesNotThrow(() => createRequire(file).resolve(m[1]), `${where}: ${m[1]} does not resolve`)
        }
        ran++
      } else {
        assert.fail(`${where}: no way to run a ${s.lang || 'plain'} block marked "${s.marker}"`)
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
  assert.ok(ran >= 8, `only ${ran} snippets ran`)
})

test('npm run example: the quick start\'s main job runs as written (without the build the suite already did)', () => {
  const pkg = require('../package.json')
  const example = pkg.scripts.example.replace(/^npm run build && /, '')
  assert.notEqual(example, pkg.scripts.example, 'the example script builds first, as the README says')
  const r = spawnSync('bash', ['-c', example], { cwd: repo, encoding: 'utf8' })
  assert.equal(r.status, 0, r.stdout + r.stderr)
  assert.match(r.stdout, /No problems found/)
  assert.equal(r.stdout.match(/^\d{15,20}\s/gm)?.length, 3, r.stdout)
})
