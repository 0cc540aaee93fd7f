/**
 * Money and counts as exports write them, turned into exact decimal strings. Never via
 * floats: OpenAI writes 30 fractional digits, AWS 7+, and a float sum loses cents.
 */
const CURRENCY_MARKS = /[$€£¥₹]|\b(?:USD|EUR|GBP|JPY|CHF|CAD|AUD|INR)\b/gi

/**
 * Parses an amount: "12.34", "-0.5", "$1,234.56", "(987.65)", "1.2E-05", "€ 3", "12-".
 * Returns the exact decimal string (source precision kept), '' for an empty cell, or null
 * when the text is not an amount.
 */
export function parseAmount(text: string): string | null {
  if (isPlainDecimal(text)) return text
  let value = text.trim()
  if (value === '') return ''
  let negative = false
  if (value.startsWith('(') && value.endsWith(')')) {
    negative = true
    value = value.slice(1, -1)
  }
  value = value.replace(CURRENCY_MARKS, '').replace(/[\s\u00a0]/g, '')
  if (value.endsWith('-')) {
    negative = !negative
    value = value.slice(0, -1)
  }
  if (value.startsWith('-')) {
    negative = !negative
    value = value.slice(1)
  } else if (value.startsWith('+')) {
    value = value.slice(1)
  }
  // Thousands separators only in their proper places, so "1,5" is rejected, not read as 15.
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(value)) value = value.replace(/,/g, '')
  if (/^\d*\.?\d+[eE][+-]?\d+$/.test(value)) value = expandExponent(value)
  if (value.startsWith('.')) value = '0' + value
  if (value.endsWith('.')) value = value.slice(0, -1)
  if (!/^\d+(?:\.\d+)?$/.test(value)) return null
  return negative && /[1-9]/.test(value) ? '-' + value : value
}

/**
 * `-?\d+(\.\d+)?`, the way nearly every export writes money. Checked by hand: this runs
 * for every amount of a million-row file, and a regular expression test cost twice as much.
 */
export function isPlainDecimal(text: string): boolean {
  const length = text.length
  let i = text.charCodeAt(0) === 45 ? 1 : 0
  const digitsFrom = i
  while (i < length && isDigit(text.charCodeAt(i))) i++
  if (i === digitsFrom) return false
  if (i === length) return true
  if (text.charCodeAt(i) !== 46) return false
  const fractionFrom = ++i
  while (i < length && isDigit(text.charCodeAt(i))) i++
  return i === length && i > fractionFrom
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/** "1.2E-05" → "0.000012", exactly (Azure and Excel write tiny costs this way). */
function expandExponent(text: string): string {
  const [mantissa, exponentText] = text.toLowerCase().split('e')
  const exponent = Number(exponentText)
  const [whole, fraction = ''] = mantissa.split('.')
  const digits = (whole + fraction).replace(/^0+(?=\d)/, '')
  const point = whole.length + exponent
  if (point <= 0) return '0.' + '0'.repeat(-point) + digits
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length)
  return digits.slice(0, point) + '.' + digits.slice(point)
}

/**
 * Parses a token or request count ("1,234", "10.0", "25 000"). Returns null for an empty
 * cell and NaN for text that is not a count.
 */
export function parseCount(text: string): number | null {
  if (text === '') return null
  const amount = parseAmount(text)
  if (amount === null || amount === '' || amount.startsWith('-')) return Number.NaN
  return Number(amount)
}
