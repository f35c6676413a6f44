// Import circles between Rust modules: every crate under crates/ and the napi layer (src/) is read
// as a module tree (`mod` declarations from lib.rs down) with the `use` statements and `crate::`,
// `super::`, `self::` and child-module paths of each file as edges; a strongly connected component
// of more than one module is a circle. The house allows at most two, each explained in a comment
// where it is. Test code (`#[cfg(test)]` items) is left out: it is not part of the build's graph.
// Method calls are invisible to this reading: an `impl` split across files that call back into each
// other shows only through the types and functions they name.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = fileURLToPath(new URL('..', import.meta.url))
const MAX_CIRCLES = 2

// The two there are, each explained where it is: the validator's traversal and its rules
// (crates/validate/src/checker.rs), the schema and the caches built from it
// (crates/schema/src/model.rs).

/** The text of Rust source without comments, string and char literals (kept as empty quotes). */
export function stripLiterals(text) {
  let out = ''
  let i = 0
  while (i < text.length) {
    const c = text[i]
    const next = text[i + 1]
    if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++
    } else if (c === '/' && next === '*') {
      let depth = 1
      i += 2
      while (i < text.length && depth > 0) {
        if (text[i] === '/' && text[i + 1] === '*') (depth++, (i += 2))
        else if (text[i] === '*' && text[i + 1] === '/') (depth--, (i += 2))
        else i++
      }
    } else if ((c === 'r' || c === 'b') && /^(br|r)#*"/.test(text.slice(i, i + 40)) && !/\w/.test(text[i - 1] ?? '')) {
      const m = /^(br|r)(#*)"/.exec(text.slice(i, i + 40))
      const close = '"' + m[2]
      const end = text.indexOf(close, i + m[0].length)
      out += '""'
      i = end < 0 ? text.length : end + close.length
    } else if (c === '"') {
      i++
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1
      i++
      out += '""'
    } else if (c === "'" && /^'(\\.[^']*|[^\\'\n])'/.test(text.slice(i, i + 12))) {
      const m = /^'(\\.[^']*|[^\\'\n])'/.exec(text.slice(i, i + 12))
      i += m[0].length
      out += "''"
    } else {
      out += c
      i++
    }
  }
  return out
}

/** Index just past the item starting at `from`: its `;` or its matching `}` (whichever comes first at depth 0). */
function itemEnd(text, from) {
  let depth = 0
  for (let i = from; i < text.length; i++) {
    const c = text[i]
    if (c === '{' || c === '(' || c === '[') depth++
    else if (c === '}' || c === ')' || c === ']') {
      depth--
      if (depth === 0 && c === '}') return i + 1
    } else if (c === ';' && depth === 0) return i + 1
  }
  return text.length
}

/** Source without `#[cfg(test)]` items. */
export function withoutTests(text) {
  let out = text
  for (;;) {
    const at = out.search(/#\[cfg\(test\)\]/)
    if (at < 0) return out
    const after = at + '#[cfg(test)]'.length
    out = out.slice(0, at) + out.slice(itemEnd(out, after))
  }
}

/**
 * Full paths named by a `use` tree (`a::{b, c::{d as e, self}}` → `a::b`, `a::c::d`, `a::c`);
 * with `aliased`, `{ path, alias }` pairs (the name the path is known by in the file).
 */
export function expandUse(tree, aliased = false) {
  const paths = expandPaths(tree.replace(/\s+as\s+/g, '@').replace(/\s+/g, ''))
  if (!aliased) return paths.map((p) => p.replace(/@\w+$/, ''))
  return paths.map((p) => {
    const [path, alias] = p.split('@')
    return { path, alias: alias ?? path.split('::').pop() }
  })
}

function expandPaths(tree) {
  const open = tree.indexOf('{')
  if (open < 0) return [tree.replace(/::self$/, '').replace(/::\*$/, '')].filter(Boolean)
  const prefix = tree.slice(0, open)
  const inner = tree.slice(open + 1, tree.lastIndexOf('}'))
  const parts = []
  let depth = 0
  let start = 0
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '{') depth++
    else if (inner[i] === '}') depth--
    else if (inner[i] === ',' && depth === 0) (parts.push(inner.slice(start, i)), (start = i + 1))
  }
  parts.push(inner.slice(start))
  return parts.filter(Boolean).flatMap((p) => (p === 'self' ? [prefix.replace(/::$/, '')] : expandPaths(prefix + p)))
}

/**
 * The module graph of one crate: `{ nodes: Map<name, file>, edges: Map<name, Set<name>> }`,
 * read from `root` (a lib.rs) down its `mod` declarations.
 */
export function crateGraph(root, crateName) {
  const nodes = new Map()
  const children = new Map()
  const texts = new Map()
  const visit = (name, file, dir) => {
    nodes.set(name, file)
    const text = withoutTests(stripLiterals(readFileSync(file, 'utf8')))
    texts.set(name, text)
    const kids = new Map()
    children.set(name, kids)
    for (const m of text.matchAll(/(?:^|[;}\s])(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;/g)) {
      const child = m[1]
      const candidates = [path.join(dir, `${child}.rs`), path.join(dir, child, 'mod.rs')]
      const found = candidates.find((f) => existsSync(f))
      if (!found) continue
      kids.set(child, `${name}::${child}`)
      visit(`${name}::${child}`, found, path.join(dir, child))
    }
  }
  visit(crateName, root, path.dirname(root))

  const parentOf = (name) => name.slice(0, name.lastIndexOf('::'))
  /** The deepest module a path names, from module `from`, and the segments after it; null when it leaves the crate. */
  const walk = (from, segments) => {
    let at
    let rest = segments
    if (rest[0] === 'crate') (at = crateName), (rest = rest.slice(1))
    else if (rest[0] === 'self') (at = from), (rest = rest.slice(1))
    else if (rest[0] === 'super') {
      at = from
      while (rest[0] === 'super') (at = at.includes('::') ? parentOf(at) : at), (rest = rest.slice(1))
    } else if (children.get(from)?.has(rest[0])) at = from
    else return null
    while (rest.length > 0 && children.get(at)?.has(rest[0])) (at = children.get(at).get(rest[0])), (rest = rest.slice(1))
    return { at, rest }
  }

  // What each module's `pub use` re-exports: name -> the path it stands for (a facade such as
  // lib.rs re-exporting `code::Code` is not what `crate::Code` depends on; `code` is).
  const reexports = new Map()
  const globs = new Map()
  const defined = new Map()
  for (const [name, text] of texts) {
    const map = new Map()
    const globbed = []
    for (const m of text.matchAll(/\bpub(?:\([^)]*\))?\s+use\s+([^;]+);/g)) {
      for (const p of expandUse(m[1], true)) {
        const segments = p.path.replace(/^::/, '').split('::')
        if (/::\*$|^\*$/.test(m[1].trim()) && segments.join('::') === m[1].trim().replace(/::\*$/, '').replace(/^::/, '')) globbed.push(segments)
        else map.set(p.alias, segments)
      }
    }
    reexports.set(name, map)
    globs.set(name, globbed)
    defined.set(name, new Set([...text.matchAll(/\b(?:struct|enum|fn|const|static|type|trait|union)\s+(\w+)/g)].map((m) => m[1])))
  }
  /** The module a path names, following re-exports of the module it reaches. */
  const target = (from, segments, depth = 0) => {
    const found = walk(from, segments)
    if (!found) return null
    const { at, rest } = found
    const next = rest[0]
    if (next === undefined || depth > 8 || defined.get(at)?.has(next)) return at
    const via = reexports.get(at)?.get(next)
    if (via) return target(at, [...via, ...rest.slice(1)], depth + 1) ?? at
    // A glob re-export (`pub use model::*`): the module among them that defines the name.
    for (const glob of globs.get(at) ?? []) {
      const into = target(at, glob, depth + 1)
      if (into && defined.get(into)?.has(next)) return into
    }
    return at
  }

  const edges = new Map()
  for (const [name, text] of texts) {
    const out = new Set()
    const add = (segments) => {
      const to = target(name, segments)
      if (to && to !== name) out.add(to)
    }
    // Names brought in by `use` stand for their paths in the rest of the file.
    const imported = new Map()
    for (const m of text.matchAll(/\buse\s+([^;]+);/g)) {
      for (const p of expandUse(m[1], true)) {
        const segments = p.path.replace(/^::/, '').split('::')
        add(segments)
        imported.set(p.alias, segments)
      }
    }
    const withoutUses = text.replace(/\buse\s+[^;]+;/g, '')
    for (const m of withoutUses.matchAll(/(?<![\w:.])((?:\w+::)+\w+)/g)) {
      const segments = m[1].split('::')
      const via = imported.get(segments[0])
      add(via && !['crate', 'self', 'super'].includes(segments[0]) ? [...via, ...segments.slice(1)] : segments)
    }
    edges.set(name, out)
  }
  return { nodes, edges }
}

/** Strongly connected components with more than one module (Tarjan), each sorted, members by name. */
export function circles({ nodes, edges }) {
  let index = 0
  const idx = new Map()
  const low = new Map()
  const stack = []
  const on = new Set()
  const out = []
  const strong = (v) => {
    idx.set(v, index)
    low.set(v, index++)
    stack.push(v)
    on.add(v)
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) (strong(w), low.set(v, Math.min(low.get(v), low.get(w))))
      else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)))
    }
    if (low.get(v) === idx.get(v)) {
      const comp = []
      let w
      do (w = stack.pop()), on.delete(w), comp.push(w)
      while (w !== v)
      if (comp.length > 1) out.push(comp.sort())
    }
  }
  for (const v of nodes.keys()) if (!idx.has(v)) strong(v)
  return out
}

/** Every crate of the house: crates/<name>/src/lib.rs and the napi layer's src/lib.rs. */
function houseCrates(base) {
  const crates = readdirSync(path.join(base, 'crates'))
    .filter((c) => existsSync(path.join(base, 'crates', c, 'src', 'lib.rs')))
    .map((c) => ({ name: c, root: path.join(base, 'crates', c, 'src', 'lib.rs') }))
  return [...crates, { name: 'napi', root: path.join(base, 'src', 'lib.rs') }]
}

function houseCircles(base) {
  return houseCrates(base).flatMap(({ name, root }) => circles(crateGraph(root, name)))
}

test(`the house has at most ${MAX_CIRCLES} import circles`, () => {
  const found = houseCircles(repo)
  const shown = found.map((c) => `  ${c.join(' <-> ')}`).join('\n')
  assert.ok(found.length <= MAX_CIRCLES, `${found.length} import circles (at most ${MAX_CIRCLES}; break one, or explain it where it is):\n${shown}`)
})

test('self-test: a planted circle is found, its one-way version is not', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'architecture-'))
  try {
    mkdirSync(path.join(dir, 'src', 'rules'), { recursive: true })
    const write = (rel, text) => writeFileSync(path.join(dir, 'src', rel), text)
    write('lib.rs', 'pub mod code;\npub mod rules;\nmod walk;\n#[cfg(test)]\nmod tests { use crate::walk::*; }\n')
    write('rules/mod.rs', 'pub mod unknown_field;\npub use unknown_field::report;\n')
    write('rules/unknown_field.rs', '// crate::walk is not named here: a comment.\nuse crate::code::{Code, Severity};\npub fn report() -> Code { let _ = "crate::walk::x"; Code::A }\n')
    write('walk.rs', 'pub fn go() { crate::rules::report(); }\n')
    write('code.rs', 'pub enum Code { A }\npub use fixture_schema::Severity;\n')
    assert.deepEqual(circles(crateGraph(path.join(dir, 'src', 'lib.rs'), 'planted')), [])

    write('code.rs', 'use crate::walk;\npub enum Code { A }\n')
    assert.deepEqual(circles(crateGraph(path.join(dir, 'src', 'lib.rs'), 'planted')), [
      // `rules` only re-exports `report`: the facade is not part of the circle.
      ['planted::code', 'planted::rules::unknown_field', 'planted::walk'],
    ])
    // Through a grouped `use` and a `super::` path too.
    write('code.rs', 'pub enum Code { A }\n')
    write('rules/unknown_field.rs', 'use crate::{code::Code, walk::{self}};\npub fn report() -> Code { super::super::code::Code::A }\n')
    assert.deepEqual(circles(crateGraph(path.join(dir, 'src', 'lib.rs'), 'planted')), [
      ['planted::rules::unknown_field', 'planted::walk'],
    ])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('use trees expand to their paths', () => {
  assert.deepEqual(expandUse('crate::{a::B, c::{d as e, self}, f::*}'), ['crate::a::B', 'crate::c::d', 'crate::c', 'crate::f'])
})
