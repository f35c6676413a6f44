// Benchmark: generatePK / generatePKs against what users would otherwise run, in one process run.
// Run after a release build (`npm run build`): `node bench/ids.mjs` (or `npm run bench -- ids`).
//
// Two measurements per generator, because a Snowflake generator is capped by its layout at
// 1,024 ids per millisecond (1,024,000/s per instance):
// - saturated: N ids in tight loops (windows starting on a fresh millisecond); the best
//   window's ids/s, and duplicates and order over all N.
//   For the Snowflake layout this measures the ceiling, not the cost of a call.
// - bursts: BURST calls starting on a fresh millisecond, repeated; median ns per call. Fewer than
//   1,024 ids, so no call waits for the clock: this is what one call costs.
import { Snowflake as NodejsSnowflake } from 'nodejs-snowflake'
import { Snowflake as SapphireSnowflake } from '@sapphire/snowflake'
import { customAlphabet } from 'nanoid'
import { createRequire } from 'node:module'
import os from 'node:os'

const native = createRequire(import.meta.url)('../index.js')

const EPOCH = 1609459200000
const CEILING = 1_024_000
// 16 windows of 128,000 ids: 125 milliseconds of the layout's ceiling each, a whole number.
const N = Number(process.env.IDS_BENCH_N ?? 2_048_000)
const WINDOWS = 16
const BURST = 300
const BURST_REPEATS = 301

native.configureIdGenerator({ workerId: 1, epoch: EPOCH })
const nodejsSnowflake = new NodejsSnowflake({ instance_id: 1, custom_epoch: EPOCH })
const sapphire = new SapphireSnowflake(EPOCH)
// Vrooli's test-mode fallback, exactly as it runs: a new nanoid generator per call.
const vrooliFallback = () => BigInt(customAlphabet('0123456789', 12)())

/** Each generator: `fill(out, from, to)` writes ids; `perCall` ids per call. */
const generators = [
  { name: 'generatePK()', perCall: 1, fill: (out, from, to) => { for (let i = from; i < to; i++) out[i] = native.generatePK() } },
  { name: 'generatePKs(1000)', perCall: 1000, fill: (out, from, to) => { for (let i = from; i < to; i += 1000) out.set(native.generatePKs(Math.min(1000, to - i)), i) } },
  { name: 'generatePKs(100000)', perCall: 100_000, fill: (out, from, to) => { for (let i = from; i < to; i += 100_000) out.set(native.generatePKs(Math.min(100_000, to - i)), i) } },
  { name: 'nodejs-snowflake 2.0.1 getUniqueID()', perCall: 1, baseline: true, fill: (out, from, to) => { for (let i = from; i < to; i++) out[i] = nodejsSnowflake.getUniqueID() } },
  { name: '@sapphire/snowflake 3.5.5 generate()', perCall: 1, fill: (out, from, to) => { for (let i = from; i < to; i++) out[i] = sapphire.generate() } },
  { name: 'nanoid 5 BigInt(customAlphabet(digits, 12)())', perCall: 1, fill: (out, from, to) => { for (let i = from; i < to; i++) out[i] = vrooliFallback() } },
]

/** Spins until the wall clock's millisecond changes; returns the new millisecond. */
function freshMillisecond() {
  const start = Date.now()
  let now = start
  while (now === start) now = Date.now()
  return now
}

function saturated(gen) {
  const out = new BigUint64Array(N)
  gen.fill(out, 0, Math.min(N, 20_000)) // warm-up
  // WINDOWS consecutive windows, each from the start of a millisecond. The best window is the
  // ceiling; the others show what a busy machine takes away (see the CPU share).
  const size = N / WINDOWS
  let best = { idsPerSecond: 0, cpuShare: 0 }
  for (let w = 0; w < WINDOWS; w++) {
    const startMs = freshMillisecond()
    const cpu0 = process.cpuUsage()
    gen.fill(out, w * size, (w + 1) * size)
    // The window runs from one wall-clock millisecond boundary to the next one after the last
    // id: whole milliseconds of the clock the 1,024-per-millisecond cap is defined on (a
    // monotonic timer reads a little high or low whenever the wall clock is being slewed).
    const seconds = (freshMillisecond() - startMs) / 1000
    const cpu = process.cpuUsage(cpu0)
    // Share of the wall time this process was on a CPU: below 100%, the machine was busy and the
    // milliseconds it spent descheduled were lost to every generator capped per millisecond.
    const cpuShare = (cpu.user + cpu.system) / 1e6 / seconds
    if (size / seconds > best.idsPerSecond) best = { idsPerSecond: size / seconds, cpuShare }
  }
  let inOrder = true
  for (let i = 1; i < out.length; i++) if (out[i] <= out[i - 1]) { inOrder = false; break }
  out.sort()
  let duplicates = 0
  for (let i = 1; i < out.length; i++) if (out[i] === out[i - 1]) duplicates++
  return { ...best, duplicates, inOrder }
}

function bursts(gen) {
  if (gen.perCall > 1000) return null // one call alone spans many milliseconds
  const calls = gen.perCall === 1 ? BURST : 1
  const out = new BigUint64Array(calls * gen.perCall)
  const samples = []
  for (let r = 0; r < BURST_REPEATS; r++) {
    freshMillisecond()
    const t0 = process.hrtime.bigint()
    gen.fill(out, 0, out.length)
    samples.push(Number(process.hrtime.bigint() - t0) / calls)
  }
  samples.sort((a, b) => a - b)
  const nsPerCall = samples[samples.length >> 1]
  return { nsPerCall, nsPerId: nsPerCall / gen.perCall }
}

const results = []
for (const gen of generators) {
  global.gc?.()
  const s = saturated(gen)
  const b = bursts(gen)
  results.push({ ...gen, ...s, burst: b })
  process.stderr.write(`measured ${gen.name}\n`)
}
const base = results.find((r) => r.baseline)
const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

console.log(`node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown cpu'}), ${N.toLocaleString('en-US')} ids per generator in ${WINDOWS} saturated windows (best window shown), bursts of ${BURST} calls x ${BURST_REPEATS} (median)\n`)
console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`)
console.log('| generator | saturated IDs/s | of 1,024,000 | vs nodejs-snowflake | CPU share | ns/call, burst | ns/id, burst | burst speed vs nodejs-snowflake | duplicates | in order |')
console.log('|---|---|---|---|---|---|---|---|---|---|')
for (const r of results) {
  const burst = r.burst
  console.log(
    `| ${r.name} | ${fmt(r.idsPerSecond)} | ${fmt((100 * r.idsPerSecond) / CEILING, 1)}% | ${fmt(r.idsPerSecond / base.idsPerSecond, 2)}x | ${fmt(100 * r.cpuShare, 0)}% | ` +
      `${burst ? fmt(burst.nsPerCall, 1) : '-'} | ${burst ? fmt(burst.nsPerId, 1) : '-'} | ` +
      `${burst ? fmt(base.burst.nsPerId / burst.nsPerId, 2) + 'x' : '-'} | ${fmt(r.duplicates)} of ${fmt(N)} | ${r.inOrder ? 'yes' : 'no'} |`,
  )
}
