import { z } from 'zod'
import type { ChargeLine } from '../analysis/input'
import { compareDecimal, isDecimalString, parseDecimal } from '../money/decimal'
import { CurrencyTotals, type CurrencyAmounts } from '../money/totals'
import { Charge } from '../records/charge'
import { carriesCost } from '../records/chargeCost'
import { DIGEST_BYTES, digestOf, KEYED, SUMMARY_DIMENSIONS, SUMMARY_FORMAT, type SummaryDimension } from './chargeSummary'
import type { Json } from './columnCodec'

/** A charges batch's summary as stored (see chargeSummary.ts), checked on read: apart so that building one loads no zod. */
const StoredSummary = z.object({
  format: z.literal(SUMMARY_FORMAT),
  chargeFormat: z.string(),
  rows: z.number().int().nonnegative(),
  dimensions: z.array(z.enum(SUMMARY_DIMENSIONS)),
  /** The distinct values of each field, which the lines index. */
  values: z.object({
    provider: z.array(Charge.shape.provider),
    currency: z.array(Charge.shape.currency),
    costKind: z.array(Charge.shape.costKind),
    model: z.array(Charge.shape.model).optional(),
    account: z.array(Charge.shape.account).optional(),
    workspace: z.array(Charge.shape.workspace).optional(),
    project: z.array(Charge.shape.project).optional(),
    apiKey: z.array(Charge.shape.apiKey).optional(),
    costCenter: z.array(Charge.shape.costCenter).optional(),
    tags: z.array(Charge.shape.tags).optional(),
  }),
  /**
   * [UTC day "YYYY-MM-DD", index of each keyed field, then of each kept dimension, summed cost,
   * rows, rows with money]: each value is checked as linesOf reads it (a zod union a value, on top,
   * slowed the first Overview of a million-row export).
   */
  lines: z.array(z.custom<Json[]>((line) => Array.isArray(line))),
})
export type StoredSummary = z.infer<typeof StoredSummary>

type SummaryLine = ChargeLine & Required<Pick<ChargeLine, 'rows' | 'rowsWithAmount'>>

/** A summary read back: its lines as the analysis reads charges (see ChargeLine), and the dimensions they keep. */
export interface ChargeSummary {
  chargeFormat: string
  dimensions: ReadonlySet<SummaryDimension>
  lines: SummaryLine[]
}

/**
 * A stored summary read back, or null when it is not one or does not match its batch (its
 * digest, row count and totals): the batch is then read row by row.
 */
export function readChargeSummary(bytes: Uint8Array, meta: { id: string; records: number; totals: CurrencyAmounts }): ChargeSummary | null {
  const json = bytes.subarray(DIGEST_BYTES)
  if (bytes.length < DIGEST_BYTES || new TextDecoder().decode(bytes.subarray(0, DIGEST_BYTES)) !== digestOf(meta.id, json)) return null
  let summary: StoredSummary
  try {
    const parsed = StoredSummary.safeParse(JSON.parse(new TextDecoder().decode(json)))
    if (!parsed.success) return null
    summary = parsed.data
  } catch {
    return null
  }
  if (summary.rows !== meta.records) return null
  const lines = linesOf(summary)
  if (!lines || lines.reduce((sum, line) => sum + line.rows, 0) !== meta.records) return null
  const totals = new CurrencyTotals()
  for (const line of lines) if (carriesCost(line)) totals.add(line.currency, line.cost)
  const stored = Object.entries(meta.totals)
  const sameTotals = stored.length === totals.currencies().length && stored.every(([currency, amount]) => compareDecimal(parseDecimal(amount), totals.get(currency)) === 0)
  return sameTotals ? { chargeFormat: summary.chargeFormat, dimensions: new Set(summary.dimensions), lines } : null
}

/** The lines as charges of `rows` rows each, or null when one is malformed (an index out of range, a bad day or amount). */
function linesOf(summary: StoredSummary): SummaryLine[] | null {
  const columns: { name: keyof ChargeLine; values: readonly Json[] }[] = [
    ...KEYED.map((key) => ({ name: key, values: summary.values[key] })),
    ...summary.dimensions.map((dimension) => ({ name: dimension, values: summary.values[dimension] ?? [] })),
  ]
  const width = 1 + columns.length + 3
  const lines: SummaryLine[] = []
  for (const [i, stored] of summary.lines.entries()) {
    const [day, cost, rows, rowsWithAmount] = [stored[0], stored[width - 3], stored[width - 2], stored[width - 1]]
    if (stored.length !== width || typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day) || typeof cost !== 'string' || !isDecimalString(cost)) return null
    if (typeof rows !== 'number' || typeof rowsWithAmount !== 'number' || !Number.isInteger(rows) || !Number.isInteger(rowsWithAmount) || rows < 1 || rowsWithAmount < 0 || rowsWithAmount > rows) return null
    const line: SummaryLine = {
      format: summary.chargeFormat,
      identity: `#${i}`,
      start: `${day}T00:00:00.000Z`,
      provider: '',
      currency: '',
      costKind: 'billed',
      cost,
      model: null,
      account: null,
      workspace: null,
      project: null,
      apiKey: null,
      costCenter: null,
      tags: {},
      rows,
      rowsWithAmount,
    }
    for (let c = 0; c < columns.length; c++) {
      const id = stored[1 + c]
      if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id >= columns[c].values.length) return null
      ;(line as unknown as Record<string, Json>)[columns[c].name] = columns[c].values[id]
    }
    lines.push(line)
  }
  return lines
}
