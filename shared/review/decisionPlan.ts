import { parsePeriod, periodContaining, shiftPeriod } from '../analysis/periods'
import { addDecimal, formatDecimal, parseDecimal } from '../money/decimal'
import { formatMoney } from '../money/format'
import type { Portfolio, PortfolioRule } from '../records/portfolio'
import type { PortfolioDecision, Review } from '../records/review'
import { noun, plural } from '../text/plural'

/** One change a decision makes to next period's plan: a new portfolio (a split's part) or a patch. */
export interface PlannedChange {
  portfolioId: string
  decision: PortfolioDecision['decision']
  /** The portfolio the decision was about (a merge also changes its target, a split creates parts). */
  decidedOn: string
  create?: Portfolio
  patch: Partial<Portfolio>
  /** What changes, for the facilitator's confirmation ("Envelope $150.00 → $260.00"). */
  summary: string[]
}

export type DecisionPlan = { ok: true; effectiveFrom: string; changes: PlannedChange[] } | { ok: false; problems: string[] }

/** The period after the review's; a review named otherwise ("Q3 offsite") plans the quarter after it closed. */
export function periodAfterReview(review: Pick<Review, 'period'>, at: string, fiscalYearStartMonth: number): string {
  let period
  try {
    period = parsePeriod(review.period, fiscalYearStartMonth)
  } catch {
    period = periodContaining('quarter', at, fiscalYearStartMonth)
  }
  return shiftPeriod(period, 1, fiscalYearStartMonth).key
}

function money(envelope: Portfolio['envelope']): string {
  return formatMoney(envelope.amount, envelope.currency)
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'part'
}

/** A decision's own envelope and stage for next period (the part every kind shares). */
function ownPatch(portfolio: Portfolio, decision: PortfolioDecision): { patch: Partial<Portfolio>; summary: string[] } {
  const patch: Partial<Portfolio> = {}
  const summary: string[] = []
  const next = decision.nextEnvelope
  if (next && decision.decision !== 'retire' && decision.decision !== 'merge') {
    const envelope = { ...portfolio.envelope, amount: next.amount, currency: next.currency }
    if (JSON.stringify(envelope) !== JSON.stringify(portfolio.envelope)) {
      patch.envelope = envelope
      summary.push(`Envelope ${money(portfolio.envelope)} → ${money(envelope)} per ${envelope.period}`)
    }
  }
  const status = decision.decision === 'retire' || decision.decision === 'merge' ? 'retired' : decision.nextStatus
  if (status && status !== portfolio.status) {
    patch.status = status
    summary.push(`Stage ${portfolio.status} → ${status}`)
  }
  return { patch, summary }
}

/** Rules moved into a portfolio keep their ids unless the target already uses one. */
function movedRules(rules: readonly PortfolioRule[], into: readonly PortfolioRule[], from: string): PortfolioRule[] {
  const taken = new Set(into.map((rule) => rule.id))
  return rules.map((rule) => (taken.has(rule.id) ? { ...rule, id: `${rule.id}-from-${from}` } : rule))
}

/**
 * Turns a review's portfolio decisions into next period's plan: envelopes (grow, shrink, the new
 * amount), stages, retirements, merges (the target takes over the rules, and the envelope when
 * none was decided) and splits (new portfolios with their share of the rules). Checks everything
 * before anything is written: a plan with problems is refused whole.
 */
export function planDecisions(review: Review, portfolios: readonly Portfolio[], fiscalYearStartMonth: number, at: string): DecisionPlan {
  const effectiveFrom = periodAfterReview(review, at, fiscalYearStartMonth)
  const planned = new Map(portfolios.map((p) => [p.id, p]))
  const problems: string[] = []
  const changes: PlannedChange[] = []
  const record = (change: PlannedChange) => {
    if (Object.keys(change.patch).length === 0 && !change.create) return
    changes.push(change)
    const base = change.create ?? planned.get(change.portfolioId)!
    planned.set(change.portfolioId, { ...base, ...change.patch })
  }
  // Merges and splits last: a merge target's own decision is planned before it takes over rules.
  const order = (d: PortfolioDecision) => (d.decision === 'merge' ? 1 : d.decision === 'split' ? 2 : 0)
  for (const decision of [...review.decisions].sort((a, b) => order(a) - order(b))) {
    const portfolio = planned.get(decision.portfolioId)
    if (!portfolio) {
      problems.push(`The portfolio "${decision.portfolioId}" no longer exists; withdraw its decision.`)
      continue
    }
    const { patch, summary } = ownPatch(portfolio, decision)
    const link = { decision: decision.decision, decidedOn: portfolio.id }
    if ((decision.decision === 'grow' || decision.decision === 'shrink') && !decision.nextEnvelope) {
      problems.push(`"${portfolio.name}": say the new envelope it should ${decision.decision} to.`)
    }
    if (decision.decision === 'merge') {
      const target = decision.mergeInto ? planned.get(decision.mergeInto) : undefined
      if (!target || target.id === portfolio.id) {
        problems.push(`"${portfolio.name}": choose the portfolio it merges into.`)
        continue
      }
      const targetPatch: Partial<Portfolio> = { rules: [...target.rules, ...movedRules(portfolio.rules, target.rules, portfolio.id)] }
      const targetSummary = [`Takes over ${plural(portfolio.rules.length, 'rule')} from "${portfolio.name}"`]
      const sameCurrency = portfolio.envelope.currency === target.envelope.currency
      const amount = decision.nextEnvelope
        ? decision.nextEnvelope.amount
        : sameCurrency
          ? formatDecimal(addDecimal(parseDecimal(target.envelope.amount), parseDecimal(portfolio.envelope.amount)))
          : target.envelope.amount
      if (amount !== target.envelope.amount) {
        targetPatch.envelope = { ...target.envelope, amount }
        targetSummary.push(`Envelope ${money(target.envelope)} → ${money(targetPatch.envelope)} per ${target.envelope.period}`)
      }
      record({ portfolioId: portfolio.id, ...link, patch: { ...patch, rules: [] }, summary: [...summary, `Merged into "${target.name}"; its rules move there`] })
      record({ portfolioId: target.id, ...link, patch: targetPatch, summary: targetSummary })
      continue
    }
    if (decision.decision === 'split') {
      const parts = decision.splitInto ?? []
      const known = new Set(portfolio.rules.map((rule) => rule.id))
      const moved = parts.flatMap((part) => part.ruleIds)
      if (parts.length === 0) problems.push(`"${portfolio.name}": name the new portfolios of the split and the rules each takes.`)
      for (const ruleId of moved) if (!known.has(ruleId)) problems.push(`"${portfolio.name}" has no rule "${ruleId}" to move.`)
      if (new Set(moved).size !== moved.length) problems.push(`"${portfolio.name}": each rule moves to one new portfolio only.`)
      if (problems.length > 0) continue
      const creates = parts.map((part, i) => {
        let id = `${portfolio.id}-${slug(part.name)}`
        if (planned.has(id)) id = `${id}-${i + 1}`
        const created: Portfolio = {
          ...portfolio,
          id,
          name: part.name,
          status: 'pilot',
          envelope: { ...portfolio.envelope, amount: part.amount },
          rules: portfolio.rules.filter((rule) => part.ruleIds.includes(rule.id)),
          createdAt: at,
          updatedAt: at,
        }
        return created
      })
      record({ portfolioId: portfolio.id, ...link, patch: { ...patch, rules: portfolio.rules.filter((rule) => !moved.includes(rule.id)) }, summary: [...summary, `Split: ${plural(moved.length, 'rule')} ${noun(moved.length, 'moves', 'move')} to ${plural(parts.length, 'new portfolio')}`] })
      for (const created of creates) {
        record({ portfolioId: created.id, ...link, create: created, patch: {}, summary: [`New portfolio "${created.name}" (pilot) with ${plural(created.rules.length, 'rule')} and ${money(created.envelope)} per ${created.envelope.period}`] })
      }
      continue
    }
    record({ portfolioId: portfolio.id, ...link, patch, summary })
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, effectiveFrom, changes }
}
