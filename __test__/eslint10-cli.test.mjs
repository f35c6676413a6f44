// The plugin as users install it (eslint-cli.test.mjs), with ESLint 10: the same tests, the same
// answers, from the peer range's other major.
process.env.FIXTURE_NATIVE_ESLINT = '10.16.0'
await import('./eslint-cli.test.mjs')
