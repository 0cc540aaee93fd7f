import type { Charge } from '../../records/charge'
import type { HeaderIndex } from '../csv/header'

/** A row that cannot become a Charge; the message becomes `file:line: message`. */
export class RowError extends Error {}

export interface RowContext {
  file: string
  /** A person's name, login or e-mail as stored: a salted pseudonym unless attribution is on. */
  actor(name: string): string | null
  /** A remark about a row that still imports (or is deliberately left out). */
  warn(line: number, message: string): void
}

/**
 * Turns one record into a Charge, or null for a row that carries no charge (e.g. an empty day).
 * A person's name never goes into the identity as written, only as `charge.user` (the pseudonym).
 */
export type RowParser = (fields: string[], line: number) => Charge | null

/**
 * One billing export layout. Each format looks its columns up by name once (`bind`) and
 * then converts rows without searching again.
 */
export interface BillingFormat {
  id: string
  /** What people call the file. */
  label: string
  /** Columns that must all be present; each entry lists a column's accepted names. */
  signature: readonly (readonly string[])[]
  /** Columns whose presence means a different format (versions that share most columns). */
  excludes?: readonly string[]
  bind(header: HeaderIndex, context: RowContext): RowParser
}
