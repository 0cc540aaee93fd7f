/**
 * Exact decimal arithmetic on strings, backed by bigint.
 * Billing exports carry up to 30 fractional digits (OpenAI), so money is never a float:
 * a Decimal is an integer of `scale` fractional digits.
 */
export interface Decimal {
  readonly units: bigint
  readonly scale: number
}

const DECIMAL_PATTERN = /^([+-])?(\d*)(?:\.(\d*))?$/

export const ZERO: Decimal = { units: 0n, scale: 0 }

/** Parses a plain decimal string ("-12.3400", ".5", "7"). Throws on anything else. */
export function parseDecimal(text: string): Decimal {
  const match = DECIMAL_PATTERN.exec(text.trim())
  if (!match || (match[2] === '' && (match[3] === undefined || match[3] === ''))) {
    throw new Error(`not a decimal number: "${text}"`)
  }
  const fraction = match[3] ?? ''
  const digits = BigInt((match[2] || '0') + fraction)
  return { units: match[1] === '-' ? -digits : digits, scale: fraction.length }
}

export function isDecimalString(text: string): boolean {
  const match = DECIMAL_PATTERN.exec(text)
  return !!match && !(match[2] === '' && !match[3])
}

function rescale(value: Decimal, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale)
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  // Sums start at ZERO: adding to it, or at one scale, needs no power of ten.
  if (a === ZERO) return b
  if (a.scale === b.scale) return { units: a.units + b.units, scale: a.scale }
  const scale = Math.max(a.scale, b.scale)
  return { units: rescale(a, scale) + rescale(b, scale), scale }
}

export function negateDecimal(a: Decimal): Decimal {
  return { units: -a.units, scale: a.scale }
}

export function subtractDecimal(a: Decimal, b: Decimal): Decimal {
  return addDecimal(a, negateDecimal(b))
}

export function compareDecimal(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale)
  const x = rescale(a, scale)
  const y = rescale(b, scale)
  return x < y ? -1 : x > y ? 1 : 0
}

/** Multiplies by an exact decimal factor (e.g. a per-token price times a token count). */
export function multiplyDecimal(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale }
}

export function multiplyByInteger(a: Decimal, factor: number | bigint): Decimal {
  return { units: a.units * BigInt(factor), scale: a.scale }
}

/**
 * Divides with half-even rounding to `scale` fractional digits.
 * Used for allocation shares and forecasts, where the result is an estimate.
 */
export function divideDecimal(a: Decimal, b: Decimal, scale = 6): Decimal {
  if (b.units === 0n) throw new Error('division by zero')
  // a/b = (a.units / 10^a.scale) / (b.units / 10^b.scale)
  let numerator = a.units * 10n ** BigInt(scale + b.scale)
  let denominator = b.units * 10n ** BigInt(a.scale)
  if (denominator < 0n) {
    numerator = -numerator
    denominator = -denominator
  }
  let quotient = numerator / denominator
  const remainder = numerator % denominator
  const twice = (remainder < 0n ? -remainder : remainder) * 2n
  if (twice > denominator || (twice === denominator && quotient % 2n !== 0n)) {
    quotient += numerator < 0n ? -1n : 1n
  }
  return { units: quotient, scale }
}

/** Rounds half-even to `scale` fractional digits. */
export function roundDecimal(a: Decimal, scale: number): Decimal {
  if (a.scale <= scale) return a
  return divideDecimal(a, { units: 1n, scale: 0 }, scale)
}

/** Removes trailing fractional zeros: "1.2300" → "1.23", "5.000" → "5". */
export function normalizeDecimal(a: Decimal): Decimal {
  let { units, scale } = a
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n
    scale -= 1
  }
  return { units, scale }
}

/** The exact decimal string, keeping every fractional digit of the source. */
export function formatDecimal(a: Decimal): string {
  const negative = a.units < 0n
  const digits = (negative ? -a.units : a.units).toString().padStart(a.scale + 1, '0')
  const whole = digits.slice(0, digits.length - a.scale)
  const fraction = a.scale > 0 ? '.' + digits.slice(digits.length - a.scale) : ''
  return (negative ? '-' : '') + whole + fraction
}

/** The exact decimal string without trailing fractional zeros ("12.5", "0"): how exact amounts are stored and exported. */
export function decimalText(a: Decimal): string {
  // Trailing zeros cut from the text: dividing the bigint by ten once a zero took longer than
  // the rest of pricing a run.
  const text = formatDecimal(a)
  return a.scale > 0 ? text.replace(/\.?0+$/, '') : text
}

/** Converts for display or charts only; never sum the result. */
export function decimalToNumber(a: Decimal): number {
  return Number(formatDecimal(a))
}

export function sumDecimalStrings(values: Iterable<string>): string {
  let total = ZERO
  for (const value of values) total = addDecimal(total, parseDecimal(value))
  return formatDecimal(total)
}
