import type { PullRequest } from '../../records/outcome'
import { optionalInstant, optionalText, requiredInstant, requiredNumber, requiredText } from './outcomeFields'
import { OutcomeRowError, type JsonOutcomeFormat } from './outcomeFormat'
import { pullRequestRecord } from './pullRequestRecord'

const STATES: Record<string, PullRequest['state']> = { OPEN: 'open', MERGED: 'merged', CLOSED: 'closed' }

/**
 * What `gh pr list --state all --json number,title,url,state,headRefName,baseRefName,createdAt,
 * mergedAt,closedAt,additions,deletions,author,labels` writes: camelCase fields, states in
 * capitals, `author: {login, is_bot}`. Fields left out of `--json` read as unknown.
 */
export const githubPrListJson: JsonOutcomeFormat<'pullRequests'> = {
  input: 'json',
  id: 'github-gh-pr-list',
  label: 'GitHub pull requests (gh pr list --json)',
  kind: 'pullRequests',
  matches: (first) => 'headRefName' in first && 'url' in first && 'number' in first,
  read(item) {
    const mergedAt = optionalInstant(item.mergedAt, 'mergedAt')
    const stateText = optionalText(item.state)?.toUpperCase()
    const state = stateText ? STATES[stateText] : mergedAt ? 'merged' : undefined
    if (!state) throw new OutcomeRowError(`"state" is ${JSON.stringify(item.state)}, not OPEN, MERGED or CLOSED`)
    const closedAt = optionalInstant(item.closedAt, 'closedAt')
    return pullRequestRecord('github', {
      url: requiredText(item, 'url'),
      number: requiredNumber(item, 'number'),
      state,
      headBranch: requiredText(item, 'headRefName'),
      createdAt: requiredInstant(item.createdAt, 'createdAt'),
      mergedAt,
      // gh writes the zero time for "never": 0001-01-01T00:00:00Z.
      closedAt: closedAt?.startsWith('0001-') ? null : closedAt,
      title: item.title,
      baseBranch: item.baseRefName,
      additions: item.additions,
      deletions: item.deletions,
      author: item.author,
      labels: item.labels,
    })
  },
}
