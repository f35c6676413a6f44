// Where the create-input fixtures of a TypeScript fixtures folder are, and how to get each one's
// value at run time, for judging them against a real database. Read with TypeScript's own parser
// (independent of the validator under test), in the forms the bundled example uses:
//
// - factory classes (`extends <baseClass>`): the object returned by `generateMinimalData` /
//   `generateCompleteData`, and `minimal`, `complete`, each member of `edgeCases`, `variants` and
//   `invalid` in the object `getFixtures()` returns;
// - exported `const`s typed (`: T` or `satisfies T`) as a Prisma create input `Prisma.X`, an array
//   `Prisma.X[]` (each element) or a `Record<string, Prisma.X>` (each member);
// - exported functions declared to return `Prisma.X` (called with stand-in arguments).
//
// A site: { file, label, category, model, kind, relationField?, lines: [[start, end], …], call }.
// Exported `const`s typed as update inputs are sites too, with category 'update' and no `call`.
// `lines` are 1-based inclusive ranges: the site's own literal plus those of the sites its value is
// built from (`...this.generateMinimalData()`, `complete: this.generateCompleteData()`, an
// identifier naming another fixture). `call(modules)` returns the value, given the loaded modules
// by file (a factory is constructed with a stand-in client and stand-ins for its other parameters).

import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const ts = require('typescript')

const CREATE_KINDS = new Set(['createInput', 'uncheckedCreateInput', 'createManyInput', 'createWithout', 'uncheckedCreateWithout'])
const UPDATE_KINDS = new Set(['updateInput', 'uncheckedUpdateInput', 'updateManyMutationInput', 'uncheckedUpdateManyInput', 'updateWithout', 'uncheckedUpdateWithout'])
const FACTORY_METHODS = ['generateMinimalData', 'generateCompleteData']
const COLLECTIONS = ['edgeCases', 'variants', 'invalid']

/**
 * @param file absolute path; @param text its source
 * @param resolveType (name) => { model, kind, relationField } | null for `Prisma.<name>`
 * @param models the set of model names
 */
export function fixtureSites(file, text, { resolveType, models, baseClass = 'EnhancedDatabaseFactory' }) {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const lineOf = (pos) => sf.getLineAndCharacterOfPosition(pos).line + 1
  const range = (node) => [lineOf(node.getStart(sf)), lineOf(node.getEnd())]
  const sites = []
  const exported = (node) => node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  const resolvedOf = (typeText) => {
    const m = /^Prisma\.(\w+)$/.exec(typeText?.trim() ?? '')
    return (m && resolveType(m[1])) || null
  }
  const createTarget = (typeText) => {
    const resolved = resolvedOf(typeText)
    return resolved && CREATE_KINDS.has(resolved.kind) ? resolved : null
  }
  const unwrap = (node) => {
    while (node && (ts.isParenthesizedExpression(node) || ts.isAsExpression(node))) node = node.expression
    return node
  }

  for (const stmt of sf.statements) {
    if (ts.isClassDeclaration(stmt) && stmt.name) {
      const ext = stmt.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]
      if (!ext || ext.expression.getText(sf) !== baseClass) continue
      const className = stmt.name.text
      const typeArgs = ext.typeArguments?.map((t) => t.getText(sf)) ?? []
      const superModel = findSuperModel(stmt)
      // The client is stored, never used by the data methods; other parameters get stand-ins.
      const ctor = stmt.members.find((m) => ts.isConstructorDeclaration(m))
      const ctorArgs = (ctor?.parameters ?? []).map((p) => /PrismaClient/.test(p.type?.getText(sf) ?? '') ? () => ({}) : standInArgument(p.type?.getText(sf) ?? ''))
      const make = (mods) => factory(mods, file, className, ctorArgs.map((a) => a()))
      const target = createTarget(typeArgs[1]) ??
        [typeArgs[0], superModel].filter((m) => models.has(m)).map((model) => ({ model, kind: 'createInput' }))[0]
      if (!target) continue
      const methodSites = []
      for (const member of stmt.members) {
        if (!ts.isMethodDeclaration(member) || !member.body) continue
        const name = member.name.getText(sf)
        const returned = returnedObject(member.body)
        if (returned && (FACTORY_METHODS.includes(name) || name === 'getFixtures')) methodSites.push({ name, node: returned })
      }
      // The lines a value is built from: its own, and (transitively) those of the data methods it
      // calls on `this` (`...this.generateMinimalData()`, `complete: this.generateCompleteData()`).
      const rangesOf = (node, seen = new Set()) => {
        const out = [range(node)]
        const visit = (n) => {
          if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.expression.kind === ts.SyntaxKind.ThisKeyword) {
            const callee = methodSites.find((m) => m.name === n.expression.name.text && FACTORY_METHODS.includes(m.name))
            if (callee && !seen.has(callee.name)) {
              seen.add(callee.name)
              out.push(...rangesOf(callee.node, seen))
            }
          }
          ts.forEachChild(n, visit)
        }
        visit(node)
        return out
      }
      for (const { name, node } of methodSites) {
        const base = { file, model: target.model, kind: target.kind, relationField: target.relationField, className }
        if (FACTORY_METHODS.includes(name)) {
          sites.push({ ...base, label: `${className}.${name}()`, category: name === 'generateMinimalData' ? 'minimal' : 'complete', lines: rangesOf(node), call: (mods) => make(mods)[name]() })
          continue
        }
        for (const prop of objectProps(node)) {
          const key = prop.name.getText(sf)
          const value = unwrap(prop.initializer)
          if (key === 'minimal' || key === 'complete') {
            sites.push({ ...base, label: `${className}.getFixtures().${key}`, category: key, lines: rangesOf(value), call: (mods) => make(mods).getFixtures()[key] })
          } else if (COLLECTIONS.includes(key) && value && ts.isObjectLiteralExpression(value)) {
            for (const member of objectProps(value)) {
              const name = member.name.getText(sf)
              sites.push({
                ...base,
                label: `${className}.getFixtures().${key}.${name}`,
                category: key,
                lines: rangesOf(member),
                call: (mods) => make(mods).getFixtures()[key][name],
              })
            }
          }
        }
      }
    } else if (ts.isVariableStatement(stmt) && exported(stmt)) {
      for (const decl of stmt.declarationList.declarations) {
        if (!ts.isIdentifier(decl.name) || !decl.initializer) continue
        const name = decl.name.text
        let typeText = decl.type?.getText(sf)
        let init = unwrap(decl.initializer)
        if (ts.isSatisfiesExpression(init)) {
          typeText ??= init.type.getText(sf)
          init = unwrap(init.expression)
        }
        if (!typeText) continue
        // Update inputs are not inserted; their lines are listed so a caller knows they are not create inputs.
        if (UPDATE_KINDS.has(resolvedOf(typeText)?.kind)) {
          sites.push({ file, category: 'update', ...resolvedOf(typeText), label: name, lines: [range(init)] })
          continue
        }
        const single = createTarget(typeText)
        const arrayOf = createTarget(/^(.+)\[\]$/.exec(typeText)?.[1] ?? /^Array<(.+)>$/.exec(typeText)?.[1])
        const recordOf = createTarget(/^Record<\s*string\s*,\s*(.+)>$/.exec(typeText)?.[1])
        const base = { file, category: 'typed' }
        if (single) {
          sites.push({ ...base, ...single, label: name, lines: [range(init)], call: (mods) => mods.get(file)[name] })
        } else if (arrayOf && ts.isArrayLiteralExpression(init)) {
          init.elements.forEach((el, i) => sites.push({ ...base, ...arrayOf, label: `${name}[${i}]`, lines: [range(el)], ref: ts.isIdentifier(el) ? el.text : undefined, call: (mods) => mods.get(file)[name][i] }))
        } else if (recordOf && ts.isObjectLiteralExpression(init)) {
          for (const member of objectProps(init)) {
            const key = member.name.getText(sf)
            sites.push({ ...base, ...recordOf, label: `${name}.${key}`, lines: [range(member)], call: (mods) => mods.get(file)[name][key] })
          }
        }
      }
    } else if (ts.isFunctionDeclaration(stmt) && exported(stmt) && stmt.name && stmt.body) {
      const target = createTarget(stmt.type?.getText(sf))
      const returned = returnedObject(stmt.body)
      if (!target || !returned) continue
      const name = stmt.name.text
      const args = stmt.parameters.map((p) => standInArgument(p.type?.getText(sf) ?? ''))
      sites.push({ file, category: 'typed', ...target, label: `${name}(${args.map(describeArg).join(', ')})`, lines: [range(returned)], call: (mods) => mods.get(file)[name](...args.map((a) => a())) })
    }
  }
  // An element naming another fixture of the file is built from it.
  for (const site of sites) {
    if (!site.ref) continue
    const named = sites.find((s) => s.label === site.ref)
    if (named) site.lines.push(...named.lines)
    delete site.ref
  }
  return sites
}

function factory(mods, file, className, args) {
  const Class = mods.get(file)[className]
  if (typeof Class !== 'function') throw new Error(`${className} is not exported by ${file}`)
  return new Class(...args)
}

function objectProps(node) {
  return node.properties.filter((p) => ts.isPropertyAssignment(p))
}

/** The object literal of the first `return` of a body (or of an arrow's expression body). */
function returnedObject(body) {
  let found
  const visit = (n) => {
    if (found) return
    if (ts.isReturnStatement(n) && n.expression) {
      let e = n.expression
      while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression
      if (ts.isObjectLiteralExpression(e)) found = e
      return
    }
    if (ts.isFunctionLike(n)) return
    ts.forEachChild(n, visit)
  }
  ts.forEachChild(body, visit)
  return found
}

function findSuperModel(cls) {
  let model
  const visit = (n) => {
    if (model) return
    if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.SuperKeyword && n.arguments[0] && ts.isStringLiteral(n.arguments[0])) {
      model = n.arguments[0].text
      return
    }
    ts.forEachChild(n, visit)
  }
  ts.forEachChild(cls, visit)
  return model
}

let standInId = 0n
/** A stand-in argument for a parameter of a fixture function, from its declared type. */
function standInArgument(typeText) {
  if (/\bbigint\b/.test(typeText)) return Object.assign(() => 7_000_000_000_000_000n + (standInId += 1n), { text: 'bigint' })
  if (/\bnumber\b/.test(typeText)) return Object.assign(() => 1, { text: '1' })
  if (/\bstring\b/.test(typeText)) return Object.assign(() => 'fixture', { text: '"fixture"' })
  if (/\bboolean\b/.test(typeText)) return Object.assign(() => true, { text: 'true' })
  return Object.assign(() => undefined, { text: 'undefined' })
}
const describeArg = (a) => a.text
