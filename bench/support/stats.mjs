// What the benchmarks share: the median of a sample, and a call timed.

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/** `[milliseconds, value]` of one call of `f`. */
export const timed = (f) => {
  const t = performance.now()
  const value = f()
  return [performance.now() - t, value]
}
