import type { PullRequest } from '../../records/outcome'
import type { Run } from '../../records/run'
import { DAY_MS, describeOffset, type OutcomeLink } from './outcomeLink'
import { groupBy } from '../groupBy'
import type { RepoIdentity } from './repoIdentity'

/** Work on a branch may start this long before its PR is opened. */
export const LEAD_DAYS = 30

interface Window {
  pull: PullRequest
  from: number
  /** Merged or closed; an open PR has no end. */
  to: number
}

/**
 * Run → PR links: the same repository, the run's branch is the PR's head branch, and the run
 * started between 30 days before the PR was opened and its merge or close (open: no end).
 * When a branch name is reused, a later PR's window starts no earlier than the earlier PR on
 * that branch ended, so work for the first PR never counts for the second; the same branch
 * name in another repository is another key.
 */
export function linkPullRequests(runs: readonly Run[], pulls: readonly PullRequest[], identity: RepoIdentity): OutcomeLink[] {
  const windows = branchWindows(pulls, identity)
  const links: OutcomeLink[] = []
  for (const run of runs) {
    if (!run.branch) continue
    const repo = identity.ofRun(run)
    if (!repo) continue
    const start = Date.parse(run.start)
    for (const window of windows.get(`${repo.key}\u0000${run.branch}`) ?? []) {
      if (start < window.from || start > window.to) continue
      const { pull } = window
      const opened = Date.parse(pull.createdAt)
      const learned = repo.learnedFromFolder ? ' (repository learned from another session in the same folder)' : ''
      links.push({
        runId: run.id,
        outcomeId: pull.id,
        kind: 'pullRequest',
        rule: 'branch-in-window',
        strength: 'strong',
        reason: `Same repository ${pull.repo}${learned} and branch ${pull.headBranch}; started ${describeOffset(start, opened)} the PR opened${window.to < Infinity ? `, before it was ${pull.mergedAt ? 'merged' : 'closed'}` : ''}.`,
      })
    }
  }
  return links
}

function branchWindows(pulls: readonly PullRequest[], identity: RepoIdentity): Map<string, Window[]> {
  const byBranch = groupBy(pulls, (pull) => `${identity.key(pull.repo)}\u0000${pull.headBranch}`)
  const windows = new Map<string, Window[]>()
  for (const [key, list] of byBranch) {
    const ordered = [...list].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    let previousEnd = -Infinity
    windows.set(
      key,
      ordered.map((pull) => {
        const opened = Date.parse(pull.createdAt)
        const ended = pull.mergedAt ?? pull.closedAt
        const window = { pull, from: Math.max(opened - LEAD_DAYS * DAY_MS, previousEnd + 1), to: ended ? Date.parse(ended) : Infinity }
        if (ended) previousEnd = Math.max(previousEnd, window.to)
        return window
      }),
    )
  }
  return windows
}
