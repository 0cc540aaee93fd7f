export interface PortfolioCount {
  /** null: runs no portfolio claims. */
  portfolioId: string | null
  runs: number
}

/** How many of the runs each portfolio holds, most first (unassigned last among equals). */
export function portfolioCounts(runIds: Iterable<string>, portfolioOf: (runId: string) => string | null): PortfolioCount[] {
  const counts = new Map<string | null, number>()
  for (const id of runIds) {
    const portfolio = portfolioOf(id)
    counts.set(portfolio, (counts.get(portfolio) ?? 0) + 1)
  }
  const order = (id: string | null) => id ?? '\uffff'
  return [...counts]
    .map(([portfolioId, runs]) => ({ portfolioId, runs }))
    .sort((a, b) => b.runs - a.runs || (order(a.portfolioId) < order(b.portfolioId) ? -1 : 1))
}
