/**
 * The small conversions every format needs, so a rule (how a day, an amount or a count is
 * read, and what a bad one says) is written once.
 */
import type { Charge } from '../../records/charge'
import { parseAmount, parseCount } from './amounts'
import { addDays, lastValueCache, parseInstant, type DateFormat } from './dates'
import { RowError } from './format'

/** A Charge with every dimension empty, for a format to fill in. */
export function newCharge(format: string, provider: string, file: string, line: number): Charge {
  return {
    identity: '',
    format,
    provider,
    start: '',
    end: null,
    granularity: 'day',
    model: null,
    service: null,
    account: null,
    workspace: null,
    project: null,
    apiKey: null,
    costCenter: null,
    user: null,
    tokenType: null,
    tokens: null,
    quantity: null,
    cost: '0',
    listCost: undefined,
    currency: 'USD',
    costKind: 'billed',
    chargeType: 'usage',
    tags: {},
    source: { file, line },
  }
}

/** A reader for instants in one column, remembering the last value (rows come in date order). */
export function instantReader(column: string, format: DateFormat = 'iso'): (text: string) => string {
  const cached = lastValueCache((text: string) => parseInstant(text, format))
  return (text) => {
    if (text === '') throw new RowError(`${column} is empty`)
    const instant = cached(text)
    if (instant === null) {
      // A spreadsheet re-save turns 2026-08-05 into 8/5/2026 (or 5/8/2026): say so rather than guess the order.
      const resaved = format === 'iso' && /^\d{1,2}[/.]\d{1,2}[/.]\d{4}/.test(text)
      throw new RowError(`${column} "${text}" is not a date (${format})${resaved ? '; the file looks re-saved by a spreadsheet: use the original export, or import it with a column mapping that names the date order' : ''}`)
    }
    return instant
  }
}

/** A reader for daily buckets: the UTC day's start and the next day's start. */
export function dayReader(column: string, format: DateFormat = 'iso'): (text: string) => { start: string; end: string } {
  const read = instantReader(column, format)
  return lastValueCache((text: string) => {
    const start = read(text)
    return { start, end: addDays(start, 1) }
  })
}

export function amount(text: string, column: string): string {
  const value = parseAmount(text)
  if (value === null) throw notAnAmount(text, column)
  if (value === '') throw new RowError(`${column} is empty`)
  return value
}

/** An amount that may be missing: '' gives null. */
export function optionalAmount(text: string, column: string): string | null {
  const value = parseAmount(text)
  if (value === null) throw notAnAmount(text, column)
  return value === '' ? null : value
}

function notAnAmount(text: string, column: string): RowError {
  // U+FFFD in the file itself: a tool that re-saved it could not read a character ("€", say).
  const lost = text.includes('\uFFFD') ? '; "\uFFFD" marks a character lost by an earlier conversion: use the original export' : ''
  return new RowError(`${column} "${text}" is not an amount${lost}`)
}

/** A token or request count; null when the cell is empty. */
export function count(text: string, column: string): number | null {
  const value = parseCount(text)
  if (Number.isNaN(value)) throw new RowError(`${column} "${text}" is not a count`)
  return value
}

/** Token counts by kind, or null when the file gave none for this row. */
export function tokensOf(counts: Partial<Record<'input' | 'output' | 'cacheWrite5m' | 'cacheWrite1h' | 'cacheRead' | 'reasoning', number | null>>): Charge['tokens'] {
  let tokens: Charge['tokens'] = null
  for (const [kind, value] of Object.entries(counts)) {
    if (value === null || value === undefined) continue
    tokens ??= {}
    tokens[kind as keyof typeof counts] = value
  }
  return tokens
}

export function orNull(text: string): string | null {
  return text === '' ? null : text
}

/**
 * A natural key of dynamic length (custom mappings), parts joined by U+001F. The built-in
 * formats write their fixed keys as template literals in the same form
 * (`${day}\u001f${model}…`): on the million-row path that measured about 40% cheaper
 * per row than calling a variadic helper.
 */
export function identityOf(parts: readonly string[]): string {
  return parts.join('\u001f')
}

/** Reads a provider's charge type words (AWS line item type, Azure chargeType, FOCUS ChargeCategory). */
export function chargeTypeOf(text: string, cost: string): Charge['chargeType'] {
  const word = text.toLowerCase()
  if (word === '' || word === 'usage' || word === 'discountedusage') return cost.startsWith('-') ? 'credit' : 'usage'
  if (word.includes('refund')) return 'refund'
  if (word.includes('credit')) return 'credit'
  if (word.includes('tax')) return 'tax'
  if (word.includes('purchase')) return 'purchase'
  return 'other'
}

/**
 * Excel re-saves "≤ 200k" read as Windows-1252 as "â‰¤ 200k"; keep identities stable. The
 * column holds one or two values, so the last one is remembered.
 */
export const repairMojibake = lastValueCache((text: string): string => (text.includes('â‰') ? text.replace(/â‰¤/g, '≤').replace(/â‰¥/g, '≥') : text))

/** A usage quantity in its unit (credits, requests, "1K tokens"), or null when the cell is empty. */
export function quantityOf(text: string, unit: string, column: string): Charge['quantity'] {
  const value = optionalAmount(text, column)
  return value === null ? null : { value, unit: unit || 'units' }
}
