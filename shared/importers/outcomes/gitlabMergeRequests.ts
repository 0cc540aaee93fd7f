import type { PullRequest } from '../../records/outcome'
import { optionalInstant, optionalText, requiredInstant, requiredNumber, requiredText } from './outcomeFields'
import { OutcomeRowError, type JsonOutcomeFormat } from './outcomeFormat'
import { pullRequestRecord } from './pullRequestRecord'

/** GitLab's states; `locked` is an open MR whose discussion is locked. */
const STATES: Record<string, PullRequest['state']> = { opened: 'open', locked: 'open', merged: 'merged', closed: 'closed' }

/**
 * GitLab's REST merge requests list (`GET /projects/:id/merge_requests?state=all`, `glab api`):
 * `iid` is the number people see, `source_branch`/`target_branch`, `web_url`, `author`.
 * The list carries no line counts.
 */
export const gitlabMergeRequests: JsonOutcomeFormat<'pullRequests'> = {
  input: 'json',
  id: 'gitlab-merge-requests',
  label: 'GitLab merge requests (REST API)',
  kind: 'pullRequests',
  matches: (first) => 'iid' in first && 'source_branch' in first && 'web_url' in first,
  read(item) {
    const mergedAt = optionalInstant(item.merged_at, 'merged_at')
    const state = STATES[optionalText(item.state) ?? ''] ?? (mergedAt ? 'merged' : undefined)
    if (!state) throw new OutcomeRowError(`"state" is ${JSON.stringify(item.state)}, not opened, merged, closed or locked`)
    return pullRequestRecord('gitlab', {
      url: requiredText(item, 'web_url'),
      number: requiredNumber(item, 'iid'),
      state,
      headBranch: requiredText(item, 'source_branch'),
      createdAt: requiredInstant(item.created_at, 'created_at'),
      mergedAt,
      closedAt: optionalInstant(item.closed_at, 'closed_at'),
      title: item.title,
      baseBranch: item.target_branch,
      additions: null,
      deletions: null,
      author: item.author,
      labels: item.labels,
    })
  },
}
