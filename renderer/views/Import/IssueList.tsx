import type { BatchIssue } from '../../../shared/records/batch'
import { issueText } from './display'
import { plural } from '../../../shared/text/plural'

/** Bad lines as `file:line: reason`, the first ones listed, the rest counted. */
export function IssueList({ file, issues, total, label }: { file: string; issues: readonly BatchIssue[]; total?: number; label: string }) {
  const more = (total ?? issues.length) - issues.length
  return (
    <div className="import-issues">
      <ol aria-label={label} data-testid="import-issues">
        {issues.map((issue, index) => (
          <li key={`${issue.line}-${index}`}>
            <code>{issueText(file, issue)}</code>
          </li>
        ))}
      </ol>
      {more > 0 && <p className="import-muted">…and {plural(more, 'more bad line')} not listed.</p>}
    </div>
  )
}
