import { ChargeIdentitySet, type ChargeIdentities } from '../../shared/batches/identities'
import { GroupedOpenAiBuckets, isOpenAiOrganizationTotal } from '../../shared/batches/openaiOrganizationTotals'
import { RunningTotals } from '../../shared/importers/billing/runningTotals'
import { CurrencyTotals, type CurrencyAmounts } from '../../shared/money/totals'
import type { Charge } from '../../shared/records/charge'
import { carriesCost } from '../../shared/records/chargeCost'

/** The `charges` block of `import --json`: per currency, never added across currencies. */
export interface ImportedChargeTotals {
  count: number
  cost: CurrencyAmounts
  byMonth: Record<string, CurrencyAmounts>
  byModel: Record<string, CurrencyAmounts>
  from: string | null
  to: string | null
}

/**
 * Sums the charges of the files imported in one run, as the ledger counts them: a row present
 * in two overlapping exports once (same format and identity), and an OpenAI organisation total
 * only for days no grouped export in the run covers. Each file's charges are summed as they
 * are read (`pending`) and count once the file is known to have imported, with the
 * identities its batch carries.
 */
export class ImportedChargeTotalsBuilder {
  private readonly seen = new CountedIdentities()
  private readonly groupedOpenAi = new GroupedOpenAiBuckets()
  private readonly organizationTotals: Charge[] = []
  private readonly cost = new CurrencyTotals()
  private readonly byMonth = new Map<string, CurrencyTotals>()
  private readonly byModel = new Map<string, CurrencyTotals>()
  private count = 0
  private from: string | null = null
  private to: string | null = null

  /** A file's charges, summed as they stream by; nothing counts until `commit`. */
  pending(): PendingCharges {
    return new PendingCharges(this.seen, (file, identities) => this.commit(file, identities))
  }

  build(): ImportedChargeTotals {
    this.countUncoveredOrganizationTotals()
    return {
      count: this.count,
      cost: this.cost.toJSON(),
      byMonth: sortedAmounts(this.byMonth),
      byModel: sortedAmounts(this.byModel),
      from: this.from,
      to: this.to,
    }
  }

  private countUncoveredOrganizationTotals(): void {
    const uncovered = this.pending()
    for (const total of this.organizationTotals.splice(0)) if (!this.groupedOpenAi.covers(total)) uncovered.tally(total)
    uncovered.commit()
  }

  private commit(file: PendingCharges, identities: ChargeIdentities): void {
    this.seen.add(identities)
    this.groupedOpenAi.addAll(file.groupedOpenAi)
    this.organizationTotals.push(...file.organizationTotals)
    this.count += file.count
    for (const [month, totals] of file.byMonth) {
      const amounts = totals.toTotals().toJSON()
      // Every costed charge is in one month: their sum is the file's cost.
      this.cost.addAll(amounts)
      bucket(this.byMonth, month, () => new CurrencyTotals()).addAll(amounts)
    }
    for (const [model, totals] of file.byModel) bucket(this.byModel, model, () => new CurrencyTotals()).addAll(totals.toTotals().toJSON())
    if (file.from !== null && (this.from === null || file.from < this.from)) this.from = file.from
    if (file.to !== null && (this.to === null || file.to > this.to)) this.to = file.to
  }
}

/** One file's share of the summary (a file's own rows are unique: the importer makes them so). */
export class PendingCharges {
  count = 0
  readonly byMonth = new Map<string, RunningTotals>()
  readonly byModel = new Map<string, RunningTotals>()
  readonly groupedOpenAi = new GroupedOpenAiBuckets()
  /** Held back until the run's grouped rows are known (one row per day: few). */
  readonly organizationTotals: Charge[] = []
  from: string | null = null
  to: string | null = null

  constructor(
    private readonly committed: CountedIdentities,
    private readonly onCommit: (file: PendingCharges, identities: ChargeIdentities) => void,
  ) {}

  add(charge: Charge): void {
    if (this.committed.has(charge.format, charge.identity)) return
    if (isOpenAiOrganizationTotal(charge)) {
      this.organizationTotals.push(charge)
      return
    }
    this.groupedOpenAi.note(charge)
    this.tally(charge)
  }

  /** Counts a charge now (its identity is already noted). */
  tally(charge: Charge): void {
    this.count++
    if (carriesCost(charge)) this.addCost(charge)
    if (this.from === null || charge.start < this.from) this.from = charge.start
    const last = charge.end ?? charge.start
    if (this.to === null || last > this.to) this.to = last
  }

  /** The file's share as plain data, to send from another thread (`addData` counts it in). */
  data(): PendingChargesData {
    const amounts = (map: Map<string, RunningTotals>) => [...map].map(([key, totals]): [string, CurrencyAmounts] => [key, totals.toTotals().toJSON()])
    return {
      count: this.count,
      byMonth: amounts(this.byMonth),
      byModel: amounts(this.byModel),
      groupedOpenAi: this.groupedOpenAi.entries(),
      organizationTotals: this.organizationTotals,
      from: this.from,
      to: this.to,
    }
  }

  /** Adds the share of charges read after this one's (a big file's second part, read on another thread). */
  addData(data: PendingChargesData): void {
    this.count += data.count
    const addAmounts = (map: Map<string, RunningTotals>, entries: [string, CurrencyAmounts][]) => {
      for (const [key, amounts] of entries) bucket(map, key, newRunningTotals).addAll(amounts)
    }
    addAmounts(this.byMonth, data.byMonth)
    addAmounts(this.byModel, data.byModel)
    this.groupedOpenAi.addEntries(data.groupedOpenAi)
    for (const total of data.organizationTotals) this.organizationTotals.push(total)
    if (data.from !== null && (this.from === null || data.from < this.from)) this.from = data.from
    if (data.to !== null && (this.to === null || data.to > this.to)) this.to = data.to
  }

  /** Rows not yet counted in this run (organisation totals included, though they count later). */
  get newRows(): number {
    return this.count + this.organizationTotals.length
  }

  /** Counts the file, whose batch holds `identities` (its rows counted already among them). */
  commit(identities: ChargeIdentities = new Map()): void {
    this.onCommit(this, identities)
  }

  // Rows come grouped by day (and often by model): the last row's buckets, kept to skip the map lookups.
  private lastStart = ''
  private lastMonth: RunningTotals | null = null
  private lastModel = ''
  private lastModelTotals: RunningTotals | null = null

  private addCost(charge: Charge): void {
    if (charge.start !== this.lastStart || this.lastMonth === null) {
      this.lastStart = charge.start
      // Month of the usage start, in UTC (start is a UTC ISO instant).
      this.lastMonth = bucket(this.byMonth, charge.start.slice(0, 7), newRunningTotals)
    }
    this.lastMonth.add(charge.currency, charge.cost)
    const model = charge.model ?? charge.service ?? '(none)'
    if (model !== this.lastModel || this.lastModelTotals === null) {
      this.lastModel = model
      this.lastModelTotals = bucket(this.byModel, model, newRunningTotals)
    }
    this.lastModelTotals.add(charge.currency, charge.cost)
  }
}

/** A PendingCharges as plain data (PendingCharges.data). */
export interface PendingChargesData {
  count: number
  byMonth: [string, CurrencyAmounts][]
  byModel: [string, CurrencyAmounts][]
  groupedOpenAi: [string, (string | null)[]][]
  organizationTotals: Charge[]
  from: string | null
  to: string | null
}

/**
 * The identities of the rows already counted. Indexed only when a later file asks: a single
 * big export (the usual case) never pays for a set of a million keys.
 */
class CountedIdentities {
  private readonly indexed = new ChargeIdentitySet()
  private readonly waiting: ChargeIdentities[] = []

  add(identities: ChargeIdentities): void {
    this.waiting.push(identities)
  }

  has(format: string, identity: string): boolean {
    for (let next = this.waiting.pop(); next; next = this.waiting.pop()) this.indexed.addAll(next)
    return this.indexed.has(format, identity)
  }
}

// Made once, not per charge: `add` runs for every row of a million-row export.
const newRunningTotals = () => new RunningTotals()

function bucket<T>(map: Map<string, T>, key: string, create: () => T): T {
  let totals = map.get(key)
  if (totals === undefined) map.set(key, (totals = create()))
  return totals
}

function sortedAmounts(map: Map<string, CurrencyTotals>): Record<string, CurrencyAmounts> {
  return Object.fromEntries([...map.keys()].sort().map((key) => [key, map.get(key)!.toJSON()]))
}
