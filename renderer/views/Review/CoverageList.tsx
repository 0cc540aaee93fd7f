import type { CoverageLine } from '../../../shared/review'

/** The data a review stands on, as label/value tiles: on the check-in stage and in the printed report. */
export function CoverageList({ lines, testId }: { lines: readonly CoverageLine[] | undefined; testId?: string }) {
  return (
    <dl className="review-coverage" data-testid={testId}>
      {lines?.map((line) => (
        <div key={line.label}>
          <dt>{line.label}</dt>
          <dd>{line.value}</dd>
        </div>
      ))}
    </dl>
  )
}
