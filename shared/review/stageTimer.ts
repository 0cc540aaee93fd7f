import type { Review } from '../records/review'

/** What a stage's time box says at `nowMs`: "4:05 left", "over by 1:10", or null without one on this stage. */
export function stageTimeLeft(review: Pick<Review, 'stage' | 'stageTimer'>, nowMs: number): { overtime: boolean; text: string } | null {
  const timer = review.stageTimer
  if (!timer || timer.stage !== review.stage) return null
  const leftSeconds = Math.round((Date.parse(timer.startedAt) + timer.minutes * 60_000 - nowMs) / 1000)
  const seconds = Math.abs(leftSeconds)
  const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
  return leftSeconds >= 0 ? { overtime: false, text: `${clock} left on this stage` } : { overtime: true, text: `over time by ${clock}` }
}
