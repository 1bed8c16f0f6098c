/** Half a day either side of the sessions (seconds), so one session is a point in a week, not in a decade. */
const X_PAD_S = 43_200

/** x range in seconds: the sessions plus a margin, at least three days (6 half-day pads) wide. */
export function xRange(min: number, max: number): [number, number] {
  const pad = Math.max(X_PAD_S, (max - min) * 0.05)
  const widen = Math.max(0, 3 * 2 * X_PAD_S - (max - min + 2 * pad)) / 2
  return [min - pad - widen, max + pad + widen]
}
