import { z } from 'zod'
import { DecimalString, IsoInstant } from './common'

/**
 * Outcome records: what the team's work delivered, imported from where it lives (pull and
 * merge requests, incidents, metrics). No author, assignee or responder is ever kept: a
 * pull request only says whether a bot opened it, so bots can be counted apart.
 */
export const PullRequest = z.looseObject({
  /** `<host>/<owner>/<repo>#<number>`: the same PR from the gh CLI and the REST API is one record. */
  id: z.string(),
  source: z.enum(['github', 'gitlab']),
  /** The last part of the repository path ("harbor-ui"), the name runs are matched on. */
  repo: z.string(),
  /** The whole repository path ("acme/harbor-ui", GitLab groups included). */
  repoPath: z.string(),
  number: z.number().int().nonnegative(),
  title: z.string(),
  url: z.string(),
  state: z.enum(['open', 'merged', 'closed']),
  headBranch: z.string(),
  baseBranch: z.string().nullable(),
  createdAt: IsoInstant,
  mergedAt: IsoInstant.nullable(),
  closedAt: IsoInstant.nullable(),
  additions: z.number().int().nonnegative().nullable(),
  deletions: z.number().int().nonnegative().nullable(),
  /** Opened by a `[bot]` login (or a GitHub/GitLab bot account): counted apart from people's work. */
  byBot: z.boolean(),
  labels: z.array(z.string()),
})
export type PullRequest = z.infer<typeof PullRequest>

export const Incident = z.looseObject({
  /** `<source>:<reference>`. */
  id: z.string(),
  /** `pagerduty`, `incident.io`, or the tool an incident import profile names (`opsgenie`). */
  source: z.string(),
  /** How people name the incident in branches and notes ("INC-42", PagerDuty's incident id). */
  names: z.array(z.string()),
  title: z.string(),
  service: z.string().nullable(),
  severity: z.string().nullable(),
  status: z.string().nullable(),
  createdAt: IsoInstant,
  acknowledgedAt: IsoInstant.nullable(),
  resolvedAt: IsoInstant.nullable(),
  url: z.string().nullable(),
})
export type Incident = z.infer<typeof Incident>

/** One dated measure a team tracks elsewhere (deploys, escaped defects, lead time), for a portfolio or a repo. */
export const OutcomeMetric = z.looseObject({
  /** `<date>|<metric>|<scope>`: a later file's value for the same day, metric and scope replaces the earlier. */
  id: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  metric: z.string(),
  value: DecimalString,
  portfolio: z.string().nullable(),
  repo: z.string().nullable(),
})
export type OutcomeMetric = z.infer<typeof OutcomeMetric>

export const OUTCOME_BATCH_KINDS = ['pullRequests', 'incidents', 'metrics'] as const
export type OutcomeBatchKind = (typeof OUTCOME_BATCH_KINDS)[number]

/** A person's correction of a derived run→outcome link, kept in the governance document. */
export const OutcomeLinkEdit = z.looseObject({
  /** `<run id>→<outcome id>`: one edit per pair, the last one wins. */
  id: z.string(),
  runId: z.string(),
  outcomeId: z.string(),
  outcomeKind: z.enum(['pullRequest', 'incident']),
  action: z.enum(['add', 'remove']),
  at: z.string(),
})
export type OutcomeLinkEdit = z.infer<typeof OutcomeLinkEdit>

/** "sensor_etl is sensor-etl": one repository under two names (an agent's folder, another's remote). */
export const RepoAlias = z.looseObject({
  /** The alias, as written (compared case-insensitively). */
  id: z.string(),
  repo: z.string(),
})
export type RepoAlias = z.infer<typeof RepoAlias>
