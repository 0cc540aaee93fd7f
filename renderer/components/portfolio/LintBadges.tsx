import type { LintCode } from '../../../shared/analysis/lints/index'
import './HealthBadges.css'

export const LINT_LABELS: Record<LintCode, string> = {
  'too-broad': 'Too broad',
  'envelope-below-forecast': 'Envelope below forecast',
  'period-shorter-than-quarter': 'Short period',
  'owner-is-person': 'Owner looks like a person',
  'no-outcome-tag': 'No outcome tag',
  'overlapping-rules': 'Overlapping rules',
  'no-runs-this-period': 'No runs this period',
  'spend-grew-outcomes-flat': 'Spend grew, outcomes flat',
  'unstable-definition': 'Unstable definition',
  'personal-quota': 'Personal quota',
  'too-many-portfolios': 'Too many portfolios',
}

interface LintView {
  code: string
  message: string
  fix: string
}

/** Health checks as badges; each opens (click, Enter or Space) to its reason and suggested fix. */
export function LintBadges({ lints }: { lints: readonly LintView[] }) {
  if (lints.length === 0) return <span className="lint-none">No health issues</span>
  return (
    <ul className="lint-badges" aria-label="Health checks">
      {lints.map((lint) => (
        <li key={lint.code}>
          <details className="lint" data-testid={`lint-${lint.code}`}>
            <summary className="badge warn">{LINT_LABELS[lint.code as LintCode] ?? lint.code}</summary>
            <div className="lint-detail">
              <p>{lint.message}</p>
              <p>
                <strong>Suggested fix:</strong> {lint.fix}
              </p>
            </div>
          </details>
        </li>
      ))}
    </ul>
  )
}
