import { addDecimal, formatDecimal, parseDecimal, ZERO, type Decimal } from './decimal'

/** Per-currency totals as decimal strings, e.g. { USD: "12.34", EUR: "3.1" }. Currencies are never mixed. */
export type CurrencyAmounts = Record<string, string>

/** Accumulates exact sums per currency. */
export class CurrencyTotals {
  private readonly sums = new Map<string, Decimal>()

  add(currency: string, amount: string | Decimal): this {
    const value = typeof amount === 'string' ? parseDecimal(amount) : amount
    this.sums.set(currency, addDecimal(this.sums.get(currency) ?? ZERO, value))
    return this
  }

  addAll(amounts: CurrencyAmounts): this {
    for (const [currency, amount] of Object.entries(amounts)) this.add(currency, amount)
    return this
  }

  get(currency: string): Decimal {
    return this.sums.get(currency) ?? ZERO
  }

  currencies(): string[] {
    return [...this.sums.keys()].sort()
  }

  isEmpty(): boolean {
    return this.sums.size === 0
  }

  toJSON(): CurrencyAmounts {
    const out: CurrencyAmounts = {}
    for (const currency of this.currencies()) out[currency] = formatDecimal(this.sums.get(currency)!)
    return out
  }
}
