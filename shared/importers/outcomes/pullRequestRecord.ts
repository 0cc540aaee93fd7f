import type { PullRequest } from '../../records/outcome'
import { isBotAccount, labelNames, optionalCount, optionalText, repositoryOfUrl } from './outcomeFields'

/** What each PR export says in its own field names, already read. */
export interface PullRequestFields {
  url: string
  number: number
  state: PullRequest['state']
  headBranch: string
  createdAt: string
  mergedAt: string | null
  closedAt: string | null
  /** As exported: read leniently (absent or malformed → empty). */
  title: unknown
  baseBranch: unknown
  additions: unknown
  deletions: unknown
  author: unknown
  labels: unknown
}

/** One PR record from any export: identity and repository from its web address, the author only as "a bot or not". */
export function pullRequestRecord(source: PullRequest['source'], fields: PullRequestFields): PullRequest {
  const { host, repoPath, repo } = repositoryOfUrl(fields.url)
  return {
    id: `${host}/${repoPath}#${fields.number}`,
    source,
    repo,
    repoPath,
    number: fields.number,
    title: optionalText(fields.title) ?? '',
    url: fields.url,
    state: fields.state,
    headBranch: fields.headBranch,
    baseBranch: optionalText(fields.baseBranch),
    createdAt: fields.createdAt,
    mergedAt: fields.mergedAt,
    closedAt: fields.closedAt,
    additions: optionalCount(fields.additions),
    deletions: optionalCount(fields.deletions),
    byBot: isBotAccount(fields.author),
    labels: labelNames(fields.labels),
  }
}
