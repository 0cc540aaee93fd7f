import type { JobProgress } from './jobTypes'

/** Calls `report` at most every 100 ms (and once more on flush) so progress never floods the UI. */
export function throttle(report: (progress: JobProgress) => void, intervalMs = 100) {
  let last = 0
  let pending: JobProgress | null = null
  const fn = (progress: JobProgress) => {
    pending = progress
    const now = Date.now()
    if (now - last >= intervalMs) {
      last = now
      report(progress)
      pending = null
    }
  }
  fn.flush = () => {
    if (pending) report(pending)
    pending = null
  }
  return fn
}
