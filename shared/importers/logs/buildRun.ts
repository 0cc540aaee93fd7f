import { hash64Hex } from '../../hash/hash64'
import { actorId } from '../../privacy/pseudonym'
import { contextThresholdPassed } from '../../pricing/contextThresholds'
import { findModelPrices, type PricingTable } from '../../pricing/pricingTable'
import { addTokenCounts, emptyTokenCounts } from '../../records/tokenCounts'
import type { Run, RunUsage } from '../../records/run'
import { memoizedCallKey, packCalls } from '../../runs/packedCalls'
import { priceRunUsage } from '../../runs/priceRunUsage'
import { collapseRepeats } from '../../steps/labelStep'
import { actorNameFromCwd, repoNameFromCwd } from './sessionNames'
import type { SessionTrack } from './sessionTrack'
import type { UsageRecord } from './usageRecord'

export interface RunContext {
  pricing: PricingTable
  attribution: boolean
  pseudonymSalt: string
  /**
   * What each working folder gives a run, worked out once per folder of the import: 13,000
   * sessions share a few folders, and hashing each session's was a seventh of building its run.
   */
  folders: Map<string, FolderFacts>
}

/** A working folder's repository name, its hash (never the path itself) and its actor. */
interface FolderFacts {
  repo: string | null
  folder: string
  actor: string | null
}

/**
 * One session's Run: its deduplicated requests summed per model, UTC day and long-context
 * threshold passed (its usage, kept so a changed price table prices it again, each day at the
 * prices then in force) and priced once per group, which keeps bigint work off the per-request
 * path; its step calls (kept so a changed rule labels it again).
 * A session without a billed request is not a run (null).
 */
export function buildRun(track: SessionTrack, usage: readonly UsageRecord[], context: RunContext): Run | null {
  if (usage.length === 0) return null
  const ordered = [...usage].sort((a, b) => (a.time || 0) - (b.time || 0))
  const start = Number.isFinite(track.start) ? track.start : firstFinite(ordered.map((r) => r.time))
  const end = Number.isFinite(track.end) ? track.end : firstFinite(ordered.map((r) => r.time).reverse())
  if (!Number.isFinite(start) || !Number.isFinite(end)) return null

  const usageGroups = new Map<string, RunUsage>()
  // Each model's latest group: a session's requests interleave a few models (its subagents'), each mostly on one day.
  const latestOfModel = new Map<string, RunUsage>()
  let group: RunUsage | null = null
  for (const request of ordered) {
    const day = dayOf(Number.isFinite(request.time) ? request.time : start)
    // A tier applies to a whole request, so the threshold it passed is decided before summing.
    const contextAbove = request.sessionTotal ? 0 : contextThresholdPassed(request.tokens, findModelPrices(context.pricing, request.model)?.longContextAbove ?? null)
    // Requests in time order mostly continue the previous group, else their model's latest one.
    if (!group || group.model !== request.model || group.day !== day || group.contextAbove !== contextAbove) {
      group = latestOfModel.get(request.model) ?? null
      if (!group || group.day !== day || group.contextAbove !== contextAbove) {
        const key: string = `${request.model}\u0000${day}\u0000${contextAbove}`
        group = usageGroups.get(key) ?? null
        if (!group) usageGroups.set(key, (group = { model: request.model, day, contextAbove, tokens: emptyTokenCounts() }))
        latestOfModel.set(request.model, group)
      }
    }
    addTokenCounts(group.tokens, request.tokens)
  }

  const keys: string[] = []
  for (const request of ordered) if (request.key !== null) keys.push(request.key)
  keys.sort()
  const facts = track.cwd ? folderFacts(track.cwd, context) : null
  const callKeyOf = memoizedCallKey()
  const steps = track.steps(callKeyOf)
  return {
    id: track.id,
    tool: track.tool,
    provider: track.provider,
    repo: track.remoteRepo ?? facts?.repo ?? null,
    ...(track.remoteRepo ? { repoFromRemote: true } : {}),
    ...(facts ? { folder: facts.folder } : {}),
    branch: track.branch,
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    ...priceRunUsage([...usageGroups.values()], context.pricing),
    steps: collapseRepeats(steps.labels),
    actor: facts ? facts.actor : null,
    requests: ordered.length,
    ...(keys.length ? { requestKeys: keys } : {}),
    ...packCalls(steps.calls, callKeyOf),
    usage: [...usageGroups.values()],
  }
}

function folderFacts(cwd: string, context: RunContext): FolderFacts {
  let facts = context.folders.get(cwd)
  if (!facts) {
    const actor = actorId(actorNameFromCwd(cwd), { attribution: context.attribution, salt: context.pseudonymSalt })
    context.folders.set(cwd, (facts = { repo: repoNameFromCwd(cwd), folder: hash64Hex(`${context.pseudonymSalt}\u0000${cwd}`), actor }))
  }
  return facts
}

// Requests of a session mostly share a day: remember the last day's bounds.
let dayCache = { from: 0, to: -1, day: '' }

function dayOf(time: number): string {
  if (time >= dayCache.from && time < dayCache.to) return dayCache.day
  const from = time - (((time % DAY_MS) + DAY_MS) % DAY_MS)
  dayCache = { from, to: from + DAY_MS, day: new Date(from).toISOString().slice(0, 10) }
  return dayCache.day
}

const DAY_MS = 86_400_000

function firstFinite(values: number[]): number {
  return values.find(Number.isFinite) ?? NaN
}
