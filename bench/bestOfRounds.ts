/**
 * The machine is shared and its speed drifts, so the sides of a benchmark take turns for
 * BENCH_ROUNDS rounds (3 by default) and each keeps its fastest round, with the highest peak
 * RSS of all its rounds.
 */
export function bestOfAlternatingRounds<T extends { maxRssMB: number }>(sides: Record<string, () => T>, seconds: (result: T) => number): { rounds: number; best: Record<string, T> } {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3)
  if (!(rounds >= 1)) throw new Error('BENCH_ROUNDS must be at least 1')
  const best: Record<string, T> = {}
  for (let round = 0; round < rounds; round++) {
    for (const [side, run] of Object.entries(sides)) {
      const next = run()
      const kept = best[side]
      best[side] = !kept || seconds(next) < seconds(kept) ? { ...next, maxRssMB: Math.max(next.maxRssMB, kept?.maxRssMB ?? 0) } : { ...kept, maxRssMB: Math.max(kept.maxRssMB, next.maxRssMB) }
    }
  }
  return { rounds, best }
}
