import type { Charge } from '../records/charge'

type Row = Pick<Charge, 'format' | 'start' | 'end' | 'model' | 'project' | 'account'>

/**
 * OpenAI's cost export without grouping gives one row per bucket for the whole organisation
 * (no line_item, no project). The same spend grouped by line item or project comes as several
 * rows. A team that imports both must not count the day twice: the grouped rows win, being
 * the finer ones, and the organisation total of a bucket they cover is left out.
 */
export function isOpenAiOrganizationTotal(charge: Pick<Row, 'format' | 'model' | 'project'>): boolean {
  return charge.format === 'openai-cost' && charge.model === null && charge.project === null
}

/** The buckets (and accounts) that grouped OpenAI rows cover. */
export class GroupedOpenAiBuckets {
  private readonly accounts = new Map<string, Set<string | null>>()
  // The last row's bucket: rows of one bucket follow each other, so most rows skip building its key.
  private last: { start: string; end: string | null; accounts: Set<string | null> } | null = null

  note(charge: Row): void {
    if (charge.format !== 'openai-cost' || isOpenAiOrganizationTotal(charge)) return
    if (this.last === null || charge.start !== this.last.start || charge.end !== this.last.end) {
      const key = bucketOf(charge)
      let accounts = this.accounts.get(key)
      if (!accounts) this.accounts.set(key, (accounts = new Set()))
      this.last = { start: charge.start, end: charge.end, accounts }
    }
    this.last.accounts.add(charge.account)
  }

  addAll(other: GroupedOpenAiBuckets): void {
    this.addEntries(other.accounts)
  }

  /** The buckets as plain data (to send to another thread), for `addEntries`. */
  entries(): [string, (string | null)[]][] {
    return [...this.accounts].map(([key, accounts]) => [key, [...accounts]])
  }

  addEntries(entries: Iterable<readonly [string, Iterable<string | null>]>): void {
    for (const [key, accounts] of entries) {
      const mine = this.accounts.get(key)
      if (mine) for (const account of accounts) mine.add(account)
      else this.accounts.set(key, new Set(accounts))
    }
  }

  /** Whether an organisation total counts spend that grouped rows already hold. */
  covers(total: Row): boolean {
    const accounts = this.accounts.get(bucketOf(total))
    // An export without the organisation columns cannot say which one: any grouped row covers it.
    return accounts !== undefined && (total.account === null || accounts.has(total.account) || accounts.has(null))
  }
}

/** The charges to count: every row, less the OpenAI organisation totals that grouped rows cover. */
export function withoutCoveredOrganizationTotals<T extends Row>(charges: T[]): T[] {
  if (!charges.some(isOpenAiOrganizationTotal)) return charges
  const grouped = new GroupedOpenAiBuckets()
  for (const charge of charges) grouped.note(charge)
  return charges.filter((charge) => !isOpenAiOrganizationTotal(charge) || !grouped.covers(charge))
}

function bucketOf(charge: Row): string {
  return `${charge.start}/${charge.end ?? ''}`
}
