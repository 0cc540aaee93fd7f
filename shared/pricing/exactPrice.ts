import { formatDecimal, multiplyByInteger, normalizeDecimal, type Decimal } from '../money/decimal'

const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i

/**
 * The exact decimal a JSON price means. LiteLLM writes per-token prices as floats
 * (3e-06, 1.875e-05); the shortest decimal string of the double is the number the author
 * wrote, so "3e-06" becomes exactly 0.000003 rather than 0.00000299999999999999992…
 */
export function decimalFromNumber(value: number): Decimal {
  if (!Number.isFinite(value)) throw new Error(`not a finite price: ${value}`)
  const match = NUMBER_TEXT.exec(String(value))
  if (!match) throw new Error(`unexpected number text: ${String(value)}`)
  const [, sign, whole, fraction = '', exponentText = '0'] = match
  const digits = BigInt(whole + fraction) * (sign === '-' ? -1n : 1n)
  const scale = fraction.length - Number(exponentText)
  return scale >= 0 ? { units: digits, scale } : { units: digits * 10n ** BigInt(-scale), scale: 0 }
}

/** A per-token price as people read it: exact dollars per million tokens ("3.75"). */
export function perMillionTokens(price: Decimal): string {
  return formatDecimal(normalizeDecimal(multiplyByInteger(price, 1_000_000)))
}
