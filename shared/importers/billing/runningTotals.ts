import { CurrencyTotals, type CurrencyAmounts } from '../../money/totals'
import type { Decimal } from '../../money/decimal'

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
  private readonly fast = new Map<string, number[]>()
  /** Per currency, per scale, the sums of the long amounts' 12-digit chunks (the k-th standing for units × 10^12k). */
  private readonly chunked = new Map<string, number[][]>()
  // Exports are mostly one currency: skip the map lookup while it stays the same.
  private lastCurrency = ''
  private lastSums: number[] = []

  /** Adds a plain decimal string (`-?\d+(\.\d+)?`, as parseAmount returns). */
  add(currency: string, amount: string): void {
    const length = amount.length
    let i = amount.charCodeAt(0) === 45 ? 1 : 0
    const negative = i === 1
    let units = 0
    let scale = -1
    let digits = 0
    for (; i < length; i++) {
      const code = amount.charCodeAt(i)
      if (code === 46 && scale < 0) {
        scale = 0
        continue
      }
      if (code < 48 || code > 57) {
        this.exact.add(currency, amount)
        return
      }
      units = units * 10 + (code - 48)
      digits++
      if (scale >= 0) scale++
    }
    if (scale < 0) scale = 0
    if (digits > 15) {
      this.addLong(currency, amount, negative, scale)
      return
    }
    if (negative) units = -units
    let sums = this.lastSums
    if (currency !== this.lastCurrency) {
      sums = this.fast.get(currency) ?? []
      this.fast.set(currency, sums)
      this.lastCurrency = currency
      this.lastSums = sums
    }
    const sum = (sums[scale] ?? 0) + units
    if (Number.isSafeInteger(sum) && Math.abs(sum) < 2 ** 52) {
      sums[scale] = sum
    } else {
      this.exact.add(currency, { units: BigInt(sums[scale] ?? 0) + BigInt(units), scale })
      sums[scale] = 0
    }
  }

  /** Adds an amount of more than 15 digits (checked plain), chunk by chunk from its last digit. */
  private addLong(currency: string, amount: string, negative: boolean, scale: number): void {
    let byScale = this.chunked.get(currency)
    if (!byScale) this.chunked.set(currency, (byScale = []))
    const sums = (byScale[scale] ??= [])
    let chunk = 0
    let value = 0
    let power = 1
    for (let i = amount.length - 1; i >= (negative ? 1 : 0); i--) {
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
    for (const [currency, sums] of this.fast) {
      sums.forEach((sum, scale) => totals.add(currency, { units: BigInt(sum), scale } satisfies Decimal))
    }
    for (const [currency, byScale] of this.chunked) {
      byScale.forEach((sums, scale) => sums.forEach((sum, chunk) => totals.add(currency, { units: chunkUnits(BigInt(sum), chunk), scale } satisfies Decimal)))
    }
    return totals
  }
}

/** 10^12: a chunk's digits. */
const CHUNK = 1e12

/** Units of a chunk's sum: it stands for them × 10^12 per chunk below it. */
function chunkUnits(sum: bigint, chunk: number): bigint {
  return sum * 10n ** BigInt(12 * chunk)
}
