import { actorId } from '../../privacy/pseudonym'
import { isLongContextRequest } from '../../pricing/computeCost'
import type { PricingTable } from '../../pricing/pricingTable'
import { emptyTokenCounts } from '../../records/tokenCounts'
import type { Run, RunUsage } from '../../records/run'
import { packCalls } from '../../runs/packedCalls'
import { addTokens, priceRunUsage } from '../../runs/priceRunUsage'
import { collapseRepeats } from '../../steps/labelStep'
import { actorNameFromCwd, repoNameFromCwd } from './sessionNames'
import type { SessionTrack } from './sessionTrack'
import type { UsageRecord } from './usageRecord'

export interface RunContext {
  pricing: PricingTable
  attribution: boolean
  pseudonymSalt: string
}

/**
 * One session's Run: its deduplicated requests summed per model, UTC month and rate tier (its
 * usage, kept so a changed price table prices it again) and priced once per group, which keeps
 * bigint work off the per-request path; its step calls (kept so a changed rule labels it again).
 * A session without a billed request is not a run (null).
 */
export function buildRun(track: SessionTrack, usage: readonly UsageRecord[], context: RunContext): Run | null {
  if (usage.length === 0) return null
  const ordered = [...usage].sort((a, b) => (a.time || 0) - (b.time || 0))
  const start = Number.isFinite(track.start) ? track.start : firstFinite(ordered.map((r) => r.time))
  const end = Number.isFinite(track.end) ? track.end : firstFinite(ordered.map((r) => r.time).reverse())
  if (!Number.isFinite(start) || !Number.isFinite(end)) return null

  const usageGroups = new Map<string, RunUsage>()
  let group: RunUsage | null = null
  for (const request of ordered) {
    const month = monthOf(Number.isFinite(request.time) ? request.time : start)
    // Anthropic's long-context rule is per request, so the tier is decided before summing.
    const longContext = track.tool === 'claude-code' && isLongContextRequest(request.tokens)
    // Requests in time order mostly continue the previous group.
    if (!group || group.model !== request.model || group.month !== month || group.longContext !== longContext) {
      const key: string = `${request.model}\u0000${month}\u0000${longContext}`
      group = usageGroups.get(key) ?? null
      if (!group) usageGroups.set(key, (group = { model: request.model, month, longContext, tokens: emptyTokenCounts() }))
    }
    addTokens(group.tokens, request.tokens)
  }

  const keys = ordered.flatMap((request) => (request.key === null ? [] : [request.key])).sort()
  return {
    id: track.id,
    tool: track.tool,
    provider: track.provider,
    repo: track.remoteRepo ?? (track.cwd ? repoNameFromCwd(track.cwd) : null),
    branch: track.branch,
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    ...priceRunUsage([...usageGroups.values()], context.pricing),
    steps: collapseRepeats(track.labels()),
    actor: actorId(actorNameFromCwd(track.cwd), { attribution: context.attribution, salt: context.pseudonymSalt }),
    requests: ordered.length,
    ...(keys.length ? { requestKeys: keys } : {}),
    ...packCalls(track.calls()),
    usage: [...usageGroups.values()],
  }
}

// Requests of a session mostly share a month: remember the last month's bounds.
let monthCache = { from: 0, to: -1, month: '' }

function monthOf(time: number): string {
  if (time >= monthCache.from && time < monthCache.to) return monthCache.month
  const date = new Date(time)
  const from = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)
  const to = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)
  monthCache = { from, to, month: date.toISOString().slice(0, 7) }
  return monthCache.month
}

function firstFinite(values: number[]): number {
  return values.find(Number.isFinite) ?? NaN
}
