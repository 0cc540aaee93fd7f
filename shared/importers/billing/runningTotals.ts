import { CurrencyTotals, type CurrencyAmounts } from '../../money/totals'
import type { Decimal } from '../../money/decimal'
import { MOST_EXACT_DIGITS, type PlainDecimal, readPlainDecimal } from '../../money/plainDecimal'

/**
 * Exact per-currency sums for a million rows. Parsing every amount into a bigint costs more
 * than parsing the CSV, so amounts with at most 15 digits are added as integer units in a
 * double (exact below 2^53) per currency and scale, and moved into bigint (CurrencyTotals)
 * before they could lose precision. Longer amounts (OpenAI's have up to 20 fractional digits
 * and more) are added the same way in chunks of 12 digits: as bigints they took a third of a
 * second of a million-row import.
 */
export class RunningTotals {
  private readonly exact = new CurrencyTotals()
  /**
   * Per currency, per scale, the sums of the amounts' 12-digit chunks, the k-th standing for
   * units × 10^12k (an amount of at most 15 digits is one chunk).
   */
  private readonly chunked = new Map<string, number[][]>()
  // Exports are mostly one currency: skip the map lookup while it stays the same.
  private lastCurrency = ''
  private lastByScale: number[][] = []

  /** Adds a plain decimal string (`-?\d+(\.\d+)?`, as parseAmount returns). */
  add(currency: string, amount: string): void {
    if (!readPlainDecimal(amount, read)) {
      this.exact.add(currency, amount)
      return
    }
    let byScale = this.lastByScale
    if (currency !== this.lastCurrency) {
      byScale = this.chunked.get(currency) ?? []
      this.chunked.set(currency, byScale)
      this.lastCurrency = currency
      this.lastByScale = byScale
    }
    const sums = (byScale[read.scale] ??= [])
    if (read.digits <= MOST_EXACT_DIGITS) this.addChunk(currency, sums, 0, read.units, read.scale)
    else this.addLong(currency, amount, sums, read)
  }

  /** Adds an amount of more than 15 digits (read plain), chunk by chunk from its last digit. */
  private addLong(currency: string, amount: string, sums: number[], { from, scale }: PlainDecimal): void {
    const negative = amount.charCodeAt(0) === 0x2d
    let chunk = 0
    let value = 0
    let power = 1
    for (let i = amount.length - 1; i >= from; i--) {
      const code = amount.charCodeAt(i)
      if (code === 46) continue
      value += (code - 48) * power
      power *= 10
      if (power === CHUNK) {
        this.addChunk(currency, sums, chunk++, negative ? -value : value, scale)
        value = 0
        power = 1
      }
    }
    if (value !== 0) this.addChunk(currency, sums, chunk, negative ? -value : value, scale)
  }

  /** Adds `units` × 10^12·chunk at `scale`, in the double while the sum stays below 2^52, else (with the sum so far) exactly. */
  private addChunk(currency: string, sums: number[], chunk: number, units: number, scale: number): void {
    const sum = (sums[chunk] ?? 0) + units
    if (Math.abs(sum) < 2 ** 52) {
      sums[chunk] = sum
      return
    }
    this.exact.add(currency, { units: chunkUnits(BigInt(sums[chunk] ?? 0) + BigInt(units), chunk), scale })
    sums[chunk] = 0
  }

  /** Adds totals summed elsewhere (a part of the file read on another thread), exactly. */
  addAll(amounts: CurrencyAmounts): void {
    this.exact.addAll(amounts)
  }

  toTotals(): CurrencyTotals {
    const totals = new CurrencyTotals().addAll(this.exact.toJSON())
    for (const [currency, byScale] of this.chunked) {
      byScale.forEach((sums, scale) => sums.forEach((sum, chunk) => totals.add(currency, { units: chunkUnits(BigInt(sum), chunk), scale } satisfies Decimal)))
    }
    return totals
  }
}

/** Where RunningTotals.add reads each amount: one object, not one a row. */
const read: PlainDecimal = { units: 0, scale: 0, digits: 0, from: 0 }

/** 10^12: a chunk's digits. */
const CHUNK = 1e12

/** Units of a chunk's sum: it stands for them × 10^12 per chunk below it. */
function chunkUnits(sum: bigint, chunk: number): bigint {
  return sum * 10n ** BigInt(12 * chunk)
}
