// Child processes of the install tests (packed tarballs in fresh projects): a neutral environment
// and a run that collects the output.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'

/**
 * The environment a child starts from: none of the id, runner or database variables of the run
 * that spawns it (a test names what it wants in `extra`).
 */
export function cleanEnv(extra = {}) {
  const env = { ...process.env, CI: '1', FORCE_COLOR: '0', NO_COLOR: '1' }
  for (const name of Object.keys(env)) {
    if (/^(FIXTURE_NATIVE_|JEST_WORKER_ID$|VITEST|NODE_TEST_CONTEXT$|DATABASE_URL$)/.test(name)) delete env[name]
  }
  return { ...env, ...extra }
}

/** `{ code, stdout, stderr, output }` of `command`, run in `cwd` from `cleanEnv(env)`, `input` on its stdin. */
export function run(command, args, { cwd, env = {}, input } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: cleanEnv(env), stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr, output: stdout + stderr }))
    child.stdin.end(input ?? '')
  })
}

/** `run`, asserting exit 0 (the output in the message otherwise). */
export async function mustRun(command, args, options) {
  const r = await run(command, args, options)
  assert.equal(r.code, 0, `${command} ${args.join(' ')} exited ${r.code}\n${r.output}`)
  return r
}
