import { hash64Hex } from '../../hash/hash64'
import { addDecimal, formatDecimal, normalizeDecimal, ZERO, type Decimal } from '../../money/decimal'
import { actorId } from '../../privacy/pseudonym'
import { computeCost, isLongContextRequest } from '../../pricing/computeCost'
import { findModelPrices, type PricingTable } from '../../pricing/pricingTable'
import type { TokenCounts } from '../../records/common'
import { emptyTokenCounts } from '../../records/tokenCounts'
import type { Run } from '../../records/run'
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
 * One session's Run: its deduplicated requests priced exactly. Requests are summed per model,
 * UTC month and rate tier first and priced once per group, which is exact (prices are decimal
 * and multiplication distributes) and keeps bigint work off the per-request path.
 * A session without a billed request is not a run (null).
 */
export function buildRun(track: SessionTrack, usage: readonly UsageRecord[], context: RunContext): Run | null {
  if (usage.length === 0) return null
  const ordered = [...usage].sort((a, b) => (a.time || 0) - (b.time || 0))
  const start = Number.isFinite(track.start) ? track.start : firstFinite(ordered.map((r) => r.time))
  const end = Number.isFinite(track.end) ? track.end : firstFinite(ordered.map((r) => r.time).reverse())
  if (!Number.isFinite(start) || !Number.isFinite(end)) return null

  type Group = { model: string; month: string; long: boolean; tokens: TokenCounts }
  const groups = new Map<string, Group>()
  const modelTokens = new Map<string, TokenCounts>()
  const total = emptyTokenCounts()
  let group: Group | null = null
  for (const request of ordered) {
    const month = monthOf(Number.isFinite(request.time) ? request.time : start)
    // Anthropic's long-context rule is per request, so the tier is decided before summing.
    const long = track.tool === 'claude-code' && isLongContextRequest(request.tokens)
    // Requests in time order mostly continue the previous group.
    if (!group || group.model !== request.model || group.month !== month || group.long !== long) {
      const key: string = `${request.model}\u0000${month}\u0000${long}`
      group = groups.get(key) ?? null
      if (!group) groups.set(key, (group = { model: request.model, month, long, tokens: emptyTokenCounts() }))
      if (!modelTokens.has(request.model)) modelTokens.set(request.model, emptyTokenCounts())
    }
    addTokens(group.tokens, request.tokens)
    addTokens(modelTokens.get(request.model)!, request.tokens)
    addTokens(total, request.tokens)
  }

  let cost = ZERO
  const costByMonth = new Map<string, Decimal>()
  const costByModel = new Map<string, Decimal>()
  const unpriced = new Set<string>()
  for (const group of groups.values()) {
    const prices = findModelPrices(context.pricing, group.model)
    if (!prices) unpriced.add(group.model)
    const groupCost = prices ? computeCost(prices, group.tokens, group.long) : ZERO
    cost = addDecimal(cost, groupCost)
    costByMonth.set(group.month, addDecimal(costByMonth.get(group.month) ?? ZERO, groupCost))
    costByModel.set(group.model, addDecimal(costByModel.get(group.model) ?? ZERO, groupCost))
  }

  const keys = ordered.flatMap((request) => (request.key === null ? [] : [request.key])).sort()
  return {
    id: track.id,
    tool: track.tool,
    provider: track.provider,
    repo: track.remoteRepo ?? (track.cwd ? repoNameFromCwd(track.cwd) : null),
    ...(track.remoteRepo ? { repoFromRemote: true } : {}),
    ...(track.cwd ? { folder: hash64Hex(`${context.pseudonymSalt}\u0000${track.cwd}`) } : {}),
    branch: track.branch,
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    models: [...modelTokens.keys()],
    tokens: total,
    costUSD: money(cost),
    costByMonth: Object.fromEntries([...costByMonth].sort(([a], [b]) => a.localeCompare(b)).map(([month, value]) => [month, money(value)])),
    byModel: [...modelTokens].map(([model, tokens]) => ({ model, tokens, costUSD: money(costByModel.get(model)!), priced: !unpriced.has(model) })),
    unpricedModels: [...unpriced],
    steps: collapseRepeats(track.labels()),
    actor: actorId(actorNameFromCwd(track.cwd), { attribution: context.attribution, salt: context.pseudonymSalt }),
    requests: ordered.length,
    ...(keys.length ? { requestKeys: keys } : {}),
  }
}

/** An exact amount without trailing zeros ("0.216075", "0"). */
function money(value: Decimal): string {
  return formatDecimal(normalizeDecimal(value))
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

function addTokens(into: TokenCounts, add: TokenCounts): void {
  into.input += add.input
  into.output += add.output
  into.cacheWrite5m += add.cacheWrite5m
  into.cacheWrite1h += add.cacheWrite1h
  into.cacheRead += add.cacheRead
  into.reasoning += add.reasoning
}

function firstFinite(values: number[]): number {
  return values.find(Number.isFinite) ?? NaN
}
