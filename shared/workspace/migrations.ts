import * as Y from 'yjs'
import { MIGRATION } from './origins'

/**
 * Schema history of the governance document.
 * v1 (first prototype): portfolios were whole JSON objects with `envelopeUSD` (a number of
 *    dollars), `tags` and `owner`.
 * v2: portfolios are nested maps (per-field merging) with an `envelope` object of exact
 *    decimal amount, currency, period and rollover; `outcomeTags`, `owningTeam`, `status`,
 *    `expectedHighCostUSD` and `rules`.
 */
export const CURRENT_SCHEMA_VERSION = 2

type Migration = (doc: Y.Doc) => void

const MIGRATIONS: Record<number, Migration> = {
  1: migratePortfoliosV1ToV2,
}

export function readSchemaVersion(doc: Y.Doc): number {
  const version = doc.getMap('meta').get('schemaVersion')
  if (typeof version === 'number') return version
  // A document with content but no version predates versioning: that is v1.
  return doc.getMap('portfolios').size > 0 ? 1 : CURRENT_SCHEMA_VERSION
}

/**
 * Runs every migration from the document's version to the current one in one transaction.
 * A document from a newer version is left alone (its unknown fields are preserved on read).
 */
export function migrateGovernance(doc: Y.Doc): { from: number; to: number } {
  const from = readSchemaVersion(doc)
  if (from >= CURRENT_SCHEMA_VERSION) {
    if (doc.getMap('meta').get('schemaVersion') === undefined) {
      doc.transact(() => doc.getMap('meta').set('schemaVersion', CURRENT_SCHEMA_VERSION), MIGRATION)
    }
    return { from, to: from }
  }
  doc.transact(() => {
    for (let version = from; version < CURRENT_SCHEMA_VERSION; version++) {
      const migration = MIGRATIONS[version]
      if (!migration) throw new Error(`no migration from schema version ${version}`)
      migration(doc)
    }
    doc.getMap('meta').set('schemaVersion', CURRENT_SCHEMA_VERSION)
  }, MIGRATION)
  return { from, to: CURRENT_SCHEMA_VERSION }
}

function dollarsToDecimalString(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return value.toFixed(2)
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return value
  return '0'
}

function migratePortfoliosV1ToV2(doc: Y.Doc): void {
  const portfolios = doc.getMap<unknown>('portfolios')
  for (const [id, value] of [...portfolios.entries()]) {
    if (value instanceof Y.Map) continue
    if (typeof value !== 'object' || value === null) continue
    const { envelopeUSD, tags, owner, ...rest } = value as Record<string, unknown>
    const entry = new Y.Map<unknown>()
    const next: Record<string, unknown> = {
      description: '',
      status: 'pilot',
      expectedHighCostUSD: null,
      rules: [],
      createdAt: new Date(0).toISOString(),
      ...rest,
      id,
      outcomeTags: Array.isArray(tags) ? tags.map(String) : [],
      owningTeam: typeof owner === 'string' ? owner : '',
      envelope: { amount: dollarsToDecimalString(envelopeUSD), currency: 'USD', period: 'quarter', rollover: false },
    }
    next.updatedAt = next.updatedAt ?? next.createdAt
    for (const [field, fieldValue] of Object.entries(next)) entry.set(field, fieldValue)
    portfolios.set(id, entry)
  }
}
