'use strict'
// How napi-rs names the platform packages, for the missing-binary error (binding.js) and packing
// (scripts/pack.mjs).

/** The suffix of the platform package for the running process, e.g. `linux-x64-gnu`. */
function platformPackageSuffix() {
  const { platform, arch } = process
  if (platform === 'win32') return `win32-${arch}-msvc`
  if (platform === 'linux') {
    const glibc = process.report && typeof process.report.getReport === 'function'
      ? Boolean(process.report.getReport().header.glibcVersionRuntime)
      : true
    return `linux-${arch}-${glibc ? 'gnu' : 'musl'}`
  }
  return `${platform}-${arch}`
}

/** A Rust target triple's package suffix: `x86_64-unknown-linux-gnu` -> `linux-x64-gnu`. */
function targetSuffix(triple) {
  const [cpu, , system, abi] = triple.split('-')
  const arch = { x86_64: 'x64', aarch64: 'arm64', i686: 'ia32', armv7: 'arm' }[cpu] || cpu
  const platform = { linux: 'linux', darwin: 'darwin', windows: 'win32' }[system] || system
  return [platform, arch, abi].filter(Boolean).join('-')
}

module.exports = { platformPackageSuffix, targetSuffix }
