import type { CoverageLine } from './reviewMarkdown'

export interface CoverageInput {
  /** The runs of the review's period. */
  runs: readonly { id: string; start: string }[]
  /** Billing lines of the period. */
  charges: number
  isAnnotated: (runId: string) => boolean
  portfolioOf?: (runId: string) => string | null
}

/** Stage 1's "what data do we have": counts and shares, never names. */
export function reviewCoverage(input: CoverageInput): CoverageLine[] {
  const { runs } = input
  const share = (count: number) => (runs.length === 0 ? '' : ` (${Math.round((count / runs.length) * 100)}%)`)
  const annotated = runs.filter((run) => input.isAnnotated(run.id)).length
  const lines: CoverageLine[] = [
    { label: 'Agent runs', value: String(runs.length) },
    { label: 'Billing lines', value: String(input.charges) },
    { label: 'Runs with an outcome note', value: `${annotated}${share(annotated)}` },
  ]
  if (input.portfolioOf) {
    const assigned = runs.filter((run) => input.portfolioOf!(run.id) !== null).length
    lines.push({ label: 'Runs in a portfolio', value: `${assigned}${share(assigned)}` })
  }
  if (runs.length > 0) {
    const starts = runs.map((run) => run.start).sort()
    lines.push({ label: 'First and last run', value: `${starts[0].slice(0, 10)} to ${starts[starts.length - 1].slice(0, 10)}` })
  }
  return lines
}
