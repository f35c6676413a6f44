// Seed-style client calls (`prisma.<delegate>.<method>(…)`, also on the `tx` of `$transaction`)
// of a TypeScript file, and how to run them against a real client. Read with TypeScript's own
// parser, independent of the validator under test.
//
//   clientCalls(file, text, { delegates }) -> [{ file, key, label, fn, lines: [[a, b]] }]
//       Every call on a client: a variable initialised with `new PrismaClient(…)`, or the first
//       parameter of a callback given to `<client>.$transaction`. `key` is the call's offset.
//   markedUnits(file, text) -> [{ fn, statements: [i…], lines: [[a, b]…], markers: [{ line, code }] }]
//       The top-level statements of functions that carry an `// expect: <code>` marker,
//       each with the later statements of its function that use the names it declares (a marked
//       `const x = … as T` is run with the call that uses `x`).
//   transpileSeed(file, text, { key, delegates, only }) -> JS (ES module)
//       The file with types erased, its `@prisma/client` import read from `globalThis[key].prismaModule`
//       (whose `PrismaClient` the test makes return its own client), and every client call reported
//       to `globalThis[key].track(callKey, () => call)`. `only: { fn, statements }` keeps just
//       those top-level statements of function `fn`.
//   (the calls run inside `runRolledBack` of insert-judge.mjs: a transaction always rolled back)

import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const ts = require('typescript')

const MARKER = /\/\/\s*expect:\s*([\w-]+)/

function parse(file, text) {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
}

/** Names that hold a Prisma client in `sf`. */
function clientNames(sf) {
  const names = new Set()
  const visit = (node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isNewExpression(node.initializer) &&
      ts.isIdentifier(node.initializer.expression) && node.initializer.expression.text === 'PrismaClient') names.add(node.name.text)
    ts.forEachChild(node, visit)
  }
  visit(sf)
  // `$transaction(async (tx) => …)` on a client: `tx` is one too (repeat for nested clients).
  for (let size = -1; size !== names.size;) {
    size = names.size
    const visitTx = (node) => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === '$transaction' &&
        ts.isIdentifier(node.expression.expression) && names.has(node.expression.expression.text)) {
        const callback = node.arguments[0]
        const param = callback && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) ? callback.parameters[0] : null
        if (param && ts.isIdentifier(param.name)) names.add(param.name.text)
      }
      ts.forEachChild(node, visitTx)
    }
    visitTx(sf)
  }
  return names
}

/** `{ client, delegate, method }` when `node` is `<client>.<delegate>.<method>(…)`. */
function clientCall(node, names, delegates) {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return null
  const inner = node.expression.expression
  if (!ts.isPropertyAccessExpression(inner) || !ts.isIdentifier(inner.expression) || !names.has(inner.expression.text)) return null
  // An unknown delegate is a call too (it fails at run time): anything but the client's `$` methods.
  if (inner.name.text.startsWith('$')) return null
  return { client: inner.expression.text, delegate: inner.name.text, method: node.expression.name.text, known: delegates.has(inner.name.text) }
}

const enclosingFunctionName = (node) => {
  for (let n = node.parent; n; n = n.parent) if (ts.isFunctionDeclaration(n) && n.name) return n.name.text
  return '(module)'
}

export function clientCalls(file, text, { delegates }) {
  const sf = parse(file, text)
  const names = clientNames(sf)
  const lineOf = (pos) => sf.getLineAndCharacterOfPosition(pos).line + 1
  const calls = []
  const visit = (node) => {
    const call = clientCall(node, names, delegates)
    if (call) {
      calls.push({ file, key: node.getStart(sf), fn: enclosingFunctionName(node), label: `${call.client}.${call.delegate}.${call.method}`, lines: [[lineOf(node.getStart(sf)), lineOf(node.getEnd())]] })
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return calls
}

export function markedUnits(file, text) {
  const sf = parse(file, text)
  const lineOf = (pos) => sf.getLineAndCharacterOfPosition(pos).line + 1
  const markers = text.split('\n').flatMap((line, i) => {
    const m = MARKER.exec(line)
    return m ? [{ line: i + 1, code: m[1] }] : []
  })
  const units = []
  const placed = new Set()
  for (const fn of sf.statements) {
    if (!ts.isFunctionDeclaration(fn) || !fn.body || !fn.name) continue
    const statements = fn.body.statements
    statements.forEach((stmt, i) => {
      const [a, b] = [lineOf(stmt.getStart(sf)), lineOf(stmt.getEnd())]
      const here = markers.filter((m) => m.line >= a && m.line <= b)
      if (here.length === 0) return
      here.forEach((m) => placed.add(m.line))
      const declared = ts.isVariableStatement(stmt) ? stmt.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : [])) : []
      const users = statements.map((s, j) => ({ s, j })).filter(({ s, j }) => j > i && declared.some((name) => usesName(s, name)))
      units.push({
        fn: fn.name.text,
        statements: [i, ...users.map((u) => u.j)],
        lines: [[a, b], ...users.map(({ s }) => [lineOf(s.getStart(sf)), lineOf(s.getEnd())])],
        markers: here,
      })
    })
  }
  const stray = markers.filter((m) => !placed.has(m.line))
  if (stray.length) throw new Error(`${file}: markers outside the top-level statements of a function cannot be run alone: lines ${stray.map((m) => m.line).join(', ')}`)
  return units
}

function usesName(node, name) {
  let found = false
  const visit = (n) => {
    if (found) return
    if (ts.isIdentifier(n) && n.text === name) found = true
    else ts.forEachChild(n, visit)
  }
  visit(node)
  return found
}

export function transpileSeed(file, text, { key, delegates, only }) {
  const sf = parse(file, text)
  const names = clientNames(sf)
  const f = ts.factory
  const run = () => f.createElementAccessExpression(f.createIdentifier('globalThis'), f.createStringLiteral(key))
  const transformer = (context) => (root) => {
    const visit = (node) => {
      // import { Prisma, PrismaClient } from "@prisma/client"  ->  const { … } = globalThis[key].prismaModule
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && node.moduleSpecifier.text === '@prisma/client') {
        const bindings = node.importClause?.namedBindings
        if (!bindings || !ts.isNamedImports(bindings)) throw new Error(`${file}: only named imports of @prisma/client can be run`)
        const elements = bindings.elements.filter((e) => !e.isTypeOnly).map((e) => f.createBindingElement(undefined, e.propertyName, e.name.text))
        return f.createVariableStatement(undefined, f.createVariableDeclarationList([
          f.createVariableDeclaration(f.createObjectBindingPattern(elements), undefined, undefined, f.createPropertyAccessExpression(run(), 'prismaModule')),
        ], ts.NodeFlags.Const))
      }
      if (only && ts.isFunctionDeclaration(node) && node.name?.text === only.fn && node.body) {
        const kept = node.body.statements.filter((_, i) => only.statements.includes(i))
        node = f.updateFunctionDeclaration(node, node.modifiers, node.asteriskToken, node.name, node.typeParameters, node.parameters, node.type,
          f.updateBlock(node.body, kept))
      }
      const call = clientCall(node, names, delegates)
      const callKey = call ? ts.skipTrivia(sf.text, node.pos) : null
      const visited = ts.visitEachChild(node, visit, context)
      if (!call) return visited
      return f.createCallExpression(f.createPropertyAccessExpression(run(), 'track'), undefined, [
        f.createNumericLiteral(callKey),
        f.createArrowFunction(undefined, undefined, [], undefined, undefined, visited),
      ])
    }
    return ts.visitNode(root, visit)
  }
  const { outputText } = ts.transpileModule(text, {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
    transformers: { before: [transformer] },
  })
  return outputText
}

