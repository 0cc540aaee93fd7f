import type { PullRequest } from '../../records/outcome'
import { isObject, optionalInstant, optionalText, requiredInstant, requiredNumber, requiredText } from './outcomeFields'
import { OutcomeRowError, type JsonOutcomeFormat } from './outcomeFormat'
import { pullRequestRecord } from './pullRequestRecord'

/**
 * The REST API's `GET /repos/{owner}/{repo}/pulls?state=all` list: snake_case fields,
 * `state` open/closed with `merged_at` telling a merge apart, `head.ref`/`base.ref`, `user`.
 */
export const githubRestPulls: JsonOutcomeFormat<'pullRequests'> = {
  input: 'json',
  id: 'github-rest-pulls',
  label: 'GitHub pull requests (REST API)',
  kind: 'pullRequests',
  matches: (first) => 'html_url' in first && isObject(first.head) && 'number' in first,
  read(item) {
    const mergedAt = optionalInstant(item.merged_at, 'merged_at')
    const stateText = optionalText(item.state)
    let state: PullRequest['state']
    if (mergedAt) state = 'merged'
    else if (stateText === 'open' || stateText === 'closed') state = stateText
    else throw new OutcomeRowError(`"state" is ${JSON.stringify(item.state)}, not open or closed`)
    const head = isObject(item.head) ? item.head : {}
    const base = isObject(item.base) ? item.base : {}
    return pullRequestRecord('github', {
      url: requiredText(item, 'html_url'),
      number: requiredNumber(item, 'number'),
      state,
      headBranch: requiredText(head, 'ref'),
      createdAt: requiredInstant(item.created_at, 'created_at'),
      mergedAt,
      closedAt: optionalInstant(item.closed_at, 'closed_at'),
      title: item.title,
      baseBranch: base.ref,
      additions: item.additions,
      deletions: item.deletions,
      author: item.user,
      labels: item.labels,
    })
  },
}
