/**
 * Small robust statistics over a window of per-frame measures (nulls = not seen, skipped): how many times a
 * measure swings by a given amount, its spread and its median. Used by exercise recognition.
 */

const seen = (values: readonly (number | null)[]): number[] => values.filter((x): x is number => x !== null && Number.isFinite(x))

/**
 * Number of monotone moves of at least `amp` in a series, each counted when it reaches `amp` (hysteresis):
 * a rep down and back up is 2, a single drop 1, jitter smaller than `amp` 0.
 */
export function swings(values: readonly (number | null)[], amp: number): number {
  const v = seen(values)
  if (v.length === 0) return 0
  let trend = 0
  let lo = v[0]
  let hi = v[0]
  let extreme = v[0]
  let count = 0
  for (const x of v) {
    if (trend === 0) {
      lo = Math.min(lo, x)
      hi = Math.max(hi, x)
      if (x - lo >= amp) [trend, extreme, count] = [1, x, 1]
      else if (hi - x >= amp) [trend, extreme, count] = [-1, x, 1]
    } else if (trend * (x - extreme) > 0) extreme = x
    else if (Math.abs(x - extreme) >= amp) [trend, extreme, count] = [-trend, x, count + 1]
  }
  return count
}

/** p90 − p10 of the seen values (0 when fewer than 3): the range a measure covers, ignoring a stray frame or two. */
export function spread(values: readonly (number | null)[]): number {
  const v = seen(values).sort((a, b) => a - b)
  if (v.length < 3) return 0
  return v[Math.floor(0.9 * (v.length - 1))] - v[Math.floor(0.1 * (v.length - 1))]
}

/** Median of the seen values, or null. */
export function median(values: readonly (number | null)[]): number | null {
  const v = seen(values).sort((a, b) => a - b)
  return v.length ? v[v.length >> 1] : null
}

/** Pearson correlation of paired values (pairs with a null skipped), or null with fewer than 5 pairs or no variation. */
export function correlation(xs: readonly (number | null)[], ys: readonly (number | null)[]): number | null {
  const pairs: [number, number][] = []
  xs.forEach((x, i) => {
    const y = ys[i]
    if (x !== null && y !== null && y !== undefined && Number.isFinite(x) && Number.isFinite(y)) pairs.push([x, y])
  })
  if (pairs.length < 5) return null
  const mx = pairs.reduce((s, p) => s + p[0], 0) / pairs.length
  const my = pairs.reduce((s, p) => s + p[1], 0) / pairs.length
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my)
    sxx += (x - mx) ** 2
    syy += (y - my) ** 2
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null
}
