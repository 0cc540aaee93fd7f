import type { PullRequest } from '../../records/outcome'
import { isBotAccount, labelNames, optionalCount, optionalInstant, optionalText, repositoryOfUrl, requiredInstant, requiredNumber, requiredText } from './outcomeFields'
import { OutcomeRowError, type JsonOutcomeFormat } from './outcomeFormat'

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
    const url = requiredText(item, 'url')
    const { host, repoPath, repo } = repositoryOfUrl(url)
    const number = requiredNumber(item, 'number')
    const mergedAt = optionalInstant(item.mergedAt, 'mergedAt')
    const stateText = optionalText(item.state)?.toUpperCase()
    const state = stateText ? STATES[stateText] : mergedAt ? 'merged' : undefined
    if (!state) throw new OutcomeRowError(`"state" is ${JSON.stringify(item.state)}, not OPEN, MERGED or CLOSED`)
    return {
      id: `${host}/${repoPath}#${number}`,
      source: 'github',
      repo,
      repoPath,
      number,
      title: optionalText(item.title) ?? '',
      url,
      state,
      headBranch: requiredText(item, 'headRefName'),
      baseBranch: optionalText(item.baseRefName),
      createdAt: requiredInstant(item.createdAt, 'createdAt'),
      mergedAt,
      // gh writes the zero time for "never": 0001-01-01T00:00:00Z.
      closedAt: notZeroTime(optionalInstant(item.closedAt, 'closedAt')),
      additions: optionalCount(item.additions),
      deletions: optionalCount(item.deletions),
      byBot: isBotAccount(item.author),
      labels: labelNames(item.labels),
    }
  },
}

function notZeroTime(instant: string | null): string | null {
  return instant && instant.startsWith('0001-') ? null : instant
}
