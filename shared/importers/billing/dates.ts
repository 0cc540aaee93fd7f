/**
 * Dates as exports write them, turned into UTC instants (`YYYY-MM-DDTHH:MM:SS.sssZ`).
 * Every format is parsed explicitly: `new Date("03/04/2026")` guesses, and guesses in the
 * local time zone.
 */
export type DateFormat = 'iso' | 'unix-seconds' | 'unix-millis' | 'MM/DD/YYYY' | 'DD/MM/YYYY' | 'DD.MM.YYYY' | 'YYYY/MM/DD'

export const DATE_FORMATS: readonly DateFormat[] = ['iso', 'unix-seconds', 'unix-millis', 'MM/DD/YYYY', 'DD/MM/YYYY', 'DD.MM.YYYY', 'YYYY/MM/DD']

// Date, optional time with any fraction (GitHub writes 7 digits), optional zone. No zone = UTC.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i
const SLASHED = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*([AP]M)?)?$/i

/** Parses `text` in `format`; null when it is not a valid date in that format. */
export function parseInstant(text: string, format: DateFormat = 'iso'): string | null {
  const value = text.trim()
  switch (format) {
    case 'iso':
      return parseIso(value)
    case 'unix-seconds':
    case 'unix-millis': {
      if (!/^\d{1,13}(\.\d+)?$/.test(value)) return null
      const ms = Number(value) * (format === 'unix-seconds' ? 1000 : 1)
      return Number.isFinite(ms) ? new Date(Math.round(ms)).toISOString() : null
    }
    default:
      return parseSlashed(value, format)
  }
}

function parseIso(value: string): string | null {
  const m = ISO.exec(value)
  if (!m) return null
  const offsetMinutes = parseOffset(m[8])
  const millis = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0
  return build(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), millis, offsetMinutes)
}

function parseSlashed(value: string, format: DateFormat): string | null {
  const m = SLASHED.exec(value)
  if (!m) return null
  const [a, b, c] = [+m[1], +m[2], +m[3]]
  const [year, month, day] =
    format === 'MM/DD/YYYY' ? [c, a, b] : format === 'YYYY/MM/DD' ? [a, b, c] : [c, b, a]
  if (format === 'YYYY/MM/DD' ? m[1].length !== 4 : m[3].length !== 4) return null
  let hour = +(m[4] ?? 0)
  const meridiem = m[8]?.toUpperCase()
  if (meridiem) {
    if (hour < 1 || hour > 12) return null
    hour = (hour % 12) + (meridiem === 'PM' ? 12 : 0)
  }
  const millis = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0
  return build(year, month, day, hour, +(m[5] ?? 0), +(m[6] ?? 0), millis, 0)
}

function parseOffset(zone: string | undefined): number {
  if (!zone || /^(Z|UTC|GMT)$/i.test(zone)) return 0
  const sign = zone[0] === '-' ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0))
}

function build(year: number, month: number, day: number, hour: number, minute: number, second: number, millis: number, offsetMinutes: number): string | null {
  if (year < 1000 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return null
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis))
  // Date.UTC rolls "02/30" over into March: reject instead.
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return null
  return new Date(date.getTime() - offsetMinutes * 60_000).toISOString()
}

/** The instant one UTC day after `iso` (the end of a daily bucket). */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString()
}

type Granularity = 'event' | 'hour' | 'day' | 'month'

// The last pair asked about: rows of one bucket follow each other, and two date parses a row
// were a tenth of a narrow export's import.
let lastSpan: { start: string; end: string | null; granularity: Granularity } = { start: '', end: null, granularity: 'event' }

/** The bucket size a start/end pair describes. */
export function granularityOf(start: string, end: string | null): Granularity {
  if (start === lastSpan.start && end === lastSpan.end) return lastSpan.granularity
  lastSpan = { start, end, granularity: spanGranularity(start, end) }
  return lastSpan.granularity
}

function spanGranularity(start: string, end: string | null): Granularity {
  if (!end) return 'event'
  const span = Date.parse(end) - Date.parse(start)
  if (span <= 0) return 'event'
  if (span <= 3_600_000) return 'hour'
  if (span <= 86_400_000) return 'day'
  return 'month'
}

/**
 * Remembers the last parse: exports list hundreds of rows per day in order, so most rows
 * repeat the previous row's date text.
 */
export function lastValueCache<T>(parse: (text: string) => T): (text: string) => T {
  let lastText: string | undefined
  let lastValue: T
  return (text) => {
    if (text !== lastText) {
      lastValue = parse(text)
      lastText = text
    }
    return lastValue
  }
}
