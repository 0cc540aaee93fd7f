import { withDraftRule } from '../../../shared/analysis/rules/preview'
import type { Portfolio, PortfolioRule } from '../../../shared/records/portfolio'

export function withoutRule(portfolios: readonly Portfolio[], portfolioId: string, ruleId: string): Portfolio[] {
  return portfolios.map((p) => (p.id === portfolioId ? { ...p, rules: p.rules.filter((r) => r.id !== ruleId) } : p))
}

/**
 * The portfolio's rules once a rule is saved: the very change the preview assumed
 * (a renamed rule replaces its old self, a new one is added at the end).
 */
export function rulesAfterSave(portfolios: readonly Portfolio[], portfolioId: string, rule: PortfolioRule, previousId: string | null): PortfolioRule[] {
  const base = previousId && previousId !== rule.id ? withoutRule(portfolios, portfolioId, previousId) : portfolios
  return withDraftRule(base, portfolioId, rule).find((p) => p.id === portfolioId)!.rules
}
