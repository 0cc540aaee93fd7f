/**
 * A plain decimal's digits read as an integer in a double (readPlainDecimal): exact while
 * there are at most MOST_EXACT_DIGITS of them, which is how a million amounts are added up
 * without a BigInt or an object each (RunningTotals, a batch's summary).
 */
export interface PlainDecimal {
  /** The digits as an integer, with the sign; exact only while `digits` ≤ MOST_EXACT_DIGITS. */
  units: number
  /** How many digits follow the point. */
  scale: number
  digits: number
  /** Where the digits start: after the sign, if any. */
  from: number
}

/** The most digits an integer in a double holds exactly: they make one below 10^15, below 2^53. */
export const MOST_EXACT_DIGITS = 15

/**
 * Reads `text` into `read` when it is a sign (`-` or `+`), digits and at most one point, as
 * parseDecimal reads it once it has digits (the caller tells `digits` of 0); false otherwise.
 */
export function readPlainDecimal(text: string, read: PlainDecimal): boolean {
  const first = text.charCodeAt(0)
  const from = first === 0x2d || first === 0x2b ? 1 : 0
  let units = 0
  let scale = -1
  let digits = 0
  for (let at = from; at < text.length; at++) {
    const code = text.charCodeAt(at)
    if (code === 0x2e && scale < 0) {
      scale = 0
      continue
    }
    if (code < 0x30 || code > 0x39) return false
    if (++digits <= MOST_EXACT_DIGITS) units = units * 10 + (code - 0x30)
    if (scale >= 0) scale++
  }
  read.units = first === 0x2d ? -units : units
  read.scale = scale < 0 ? 0 : scale
  read.digits = digits
  read.from = from
  return true
}
