#!/usr/bin/env node
'use strict'
// The command line lives in Rust (crates/cli); this only passes argv in and writes what comes back.
const { runCli } = require('../binding.js')

let result
try {
  result = runCli(process.argv.slice(2), process.cwd())
} catch (err) {
  process.stderr.write(`fixture-native: internal error: ${err && err.message ? err.message : err}\n`)
  process.exit(2)
}
if (result.stdout) process.stdout.write(result.stdout)
if (result.stderr) process.stderr.write(result.stderr)
process.exitCode = result.exitCode
