import type { PullRequest } from '../../records/outcome'
import { isBotAccount, isObject, labelNames, optionalCount, optionalInstant, optionalText, repositoryOfUrl, requiredInstant, requiredNumber, requiredText } from './outcomeFields'
import { OutcomeRowError, type JsonOutcomeFormat } from './outcomeFormat'

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
    const url = requiredText(item, 'html_url')
    const { host, repoPath, repo } = repositoryOfUrl(url)
    const number = requiredNumber(item, 'number')
    const mergedAt = optionalInstant(item.merged_at, 'merged_at')
    const head = isObject(item.head) ? item.head : {}
    const base = isObject(item.base) ? item.base : {}
    const stateText = optionalText(item.state)
    let state: PullRequest['state']
    if (mergedAt) state = 'merged'
    else if (stateText === 'open' || stateText === 'closed') state = stateText
    else throw new OutcomeRowError(`"state" is ${JSON.stringify(item.state)}, not open or closed`)
    return {
      id: `${host}/${repoPath}#${number}`,
      source: 'github',
      repo,
      repoPath,
      number,
      title: optionalText(item.title) ?? '',
      url,
      state,
      headBranch: requiredText(head, 'ref'),
      baseBranch: optionalText(base.ref),
      createdAt: requiredInstant(item.created_at, 'created_at'),
      mergedAt,
      closedAt: optionalInstant(item.closed_at, 'closed_at'),
      additions: optionalCount(item.additions),
      deletions: optionalCount(item.deletions),
      byBot: isBotAccount(item.user),
      labels: labelNames(item.labels),
    }
  },
}
