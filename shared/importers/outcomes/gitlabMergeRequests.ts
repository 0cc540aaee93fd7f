import type { PullRequest } from '../../records/outcome'
import { isBotAccount, labelNames, optionalInstant, optionalText, repositoryOfUrl, requiredInstant, requiredNumber, requiredText } from './outcomeFields'
import { OutcomeRowError, type JsonOutcomeFormat } from './outcomeFormat'

/** GitLab's states; `locked` is an open MR whose discussion is locked. */
const STATES: Record<string, PullRequest['state']> = { opened: 'open', locked: 'open', merged: 'merged', closed: 'closed' }

/**
 * GitLab's REST merge requests list (`GET /projects/:id/merge_requests?state=all`, `glab api`):
 * `iid` is the number people see, `source_branch`/`target_branch`, `web_url`, `author`.
 */
export const gitlabMergeRequests: JsonOutcomeFormat<'pullRequests'> = {
  input: 'json',
  id: 'gitlab-merge-requests',
  label: 'GitLab merge requests (REST API)',
  kind: 'pullRequests',
  matches: (first) => 'iid' in first && 'source_branch' in first && 'web_url' in first,
  read(item) {
    const url = requiredText(item, 'web_url')
    const { host, repoPath, repo } = repositoryOfUrl(url)
    const number = requiredNumber(item, 'iid')
    const mergedAt = optionalInstant(item.merged_at, 'merged_at')
    const state = STATES[optionalText(item.state) ?? ''] ?? (mergedAt ? 'merged' : undefined)
    if (!state) throw new OutcomeRowError(`"state" is ${JSON.stringify(item.state)}, not opened, merged, closed or locked`)
    return {
      id: `${host}/${repoPath}#${number}`,
      source: 'gitlab',
      repo,
      repoPath,
      number,
      title: optionalText(item.title) ?? '',
      url,
      state,
      headBranch: requiredText(item, 'source_branch'),
      baseBranch: optionalText(item.target_branch),
      createdAt: requiredInstant(item.created_at, 'created_at'),
      mergedAt,
      closedAt: optionalInstant(item.closed_at, 'closed_at'),
      additions: null,
      deletions: null,
      byBot: isBotAccount(item.author),
      labels: labelNames(item.labels),
    }
  },
}
