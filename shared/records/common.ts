import { z } from 'zod'
import { isDecimalString } from '../money/decimal'

/** An exact decimal amount as a string ("-12.340000"); never a float. */
export const DecimalString = z.string().refine(isDecimalString, { message: 'not a decimal string' })

/** ISO 8601 instant in UTC ("2026-08-05T00:00:00.000Z"). */
export const IsoInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'not a UTC ISO instant')

export const CurrencyCode = z.string().regex(/^[A-Z0-9]{2,10}$/, 'not a currency code')

/** Per-currency amounts: { "USD": "12.34" }. */
export const CurrencyAmountsSchema = z.record(z.string(), DecimalString)

export const SourceLocation = z.object({ file: z.string(), line: z.number().int().nonnegative() })

export const TokenCounts = z.object({
  input: z.number().nonnegative(),
  output: z.number().nonnegative(),
  cacheWrite5m: z.number().nonnegative(),
  cacheWrite1h: z.number().nonnegative(),
  cacheRead: z.number().nonnegative(),
  reasoning: z.number().nonnegative(),
})
export type TokenCounts = z.infer<typeof TokenCounts>
