#!/usr/bin/env node
'use strict'
// The command line lives in Rust (crates/cli); this only passes argv in and writes what comes back.
const binding = require('../binding.js')

const args = process.argv.slice(2)

function internalError(err) {
  process.stderr.write(`fixture-native: internal error: ${err && err.message ? err.message : err}\n`)
  process.exit(2)
}

// `validate --watch` never returns: the watch runs on its own thread and reports through `write`
// until Ctrl-C (exit 130, as shells report an interrupted command).
if (args[0] === 'validate' && args.includes('--watch') && !args.includes('--help') && !args.includes('-h')) {
  let watch
  try {
    watch = binding.watchCli(args, process.cwd(), (err, chunk) => {
      if (err) return process.stderr.write(`fixture-native validate: ${err.message}\n`)
      if (chunk.stdout) process.stdout.write(chunk.stdout)
      if (chunk.stderr) process.stderr.write(chunk.stderr)
    })
  } catch (err) {
    if (err && err.code === 'InvalidArg') {
      process.stderr.write(err.message)
      process.exit(2)
    }
    internalError(err)
  }
  const stop = (code) => () => {
    watch.close()
    process.exit(code)
  }
  process.once('SIGINT', stop(130))
  process.once('SIGTERM', stop(143))
} else {
  let result
  try {
    result = binding.runCli(args, process.cwd())
  } catch (err) {
    internalError(err)
  }
  if (result.stdout) process.stdout.write(result.stdout)
  if (result.stderr) process.stderr.write(result.stderr)
  process.exitCode = result.exitCode
}
