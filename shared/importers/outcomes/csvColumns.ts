import { cell, type HeaderIndex } from '../csv/header'
import type { DateFormat } from '../billing/dates'
import { optionalInstant } from './outcomeFields'

/** A column read by any of its names (exports name columns in several ways), looked up once per file. */
export function columnReader(header: HeaderIndex, ...names: string[]): (fields: readonly string[]) => string {
  const index = header.find(...names)
  return (fields) => cell(fields, index)
}

/** An instant column (ISO with `Z`, an offset or " UTC", or a mapping's `format`), or — when absent — a seconds-after-creation column. */
export function instantColumn(header: HeaderIndex, names: readonly string[], secondsAfterCreation: readonly string[] = [], format: DateFormat = 'iso'): (fields: readonly string[], createdAt: string) => string | null {
  const instant = header.find(...names)
  const seconds = header.find(...secondsAfterCreation)
  const label = header.names[instant >= 0 ? instant : seconds] ?? names[0]
  return (fields, createdAt) => {
    if (instant >= 0) return optionalInstant(cell(fields, instant), label, format)
    const after = cell(fields, seconds)
    if (!/^\d+(\.\d+)?$/.test(after)) return null
    return new Date(Date.parse(createdAt) + Math.round(Number(after) * 1000)).toISOString()
  }
}
