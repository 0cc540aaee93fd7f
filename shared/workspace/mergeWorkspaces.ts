import * as Y from 'yjs'

/** The two documents of a workspace (governance and ledger). */
export interface WorkspaceDocs {
  governance: Y.Doc
  ledger: Y.Doc
}

/**
 * Brings one workspace into another (joining a team with this device's work): every portfolio,
 * note, recipe, review, import profile, envelope move and batch of `source` is added to `target`,
 * nothing of either is removed. Records are keyed by ids (batches by content hash), so the two
 * sets simply join. Settings are the target's (the team's currency, quarters and pseudonym salt
 * must keep meaning the same), except that price overrides of models the target has none for are added.
 */
export function mergeWorkspaces(target: WorkspaceDocs, source: WorkspaceDocs, origin: unknown = 'merge'): void {
  const settings = target.governance.getMap<unknown>('settings')
  const before = settings.toJSON()
  const sourceOverrides = source.governance.getMap<unknown>('settings').get('pricingOverrides')
  Y.applyUpdate(target.ledger, Y.encodeStateAsUpdate(source.ledger), origin)
  Y.applyUpdate(target.governance, Y.encodeStateAsUpdate(source.governance), origin)
  // Concurrent values of one key resolve by client id, so the source's may have won: the target's are set again.
  target.governance.transact(() => {
    for (const [key, value] of Object.entries(before)) {
      const kept = key === 'pricingOverrides' ? { ...asRecord(sourceOverrides), ...asRecord(value) } : value
      if (JSON.stringify(settings.get(key)) !== JSON.stringify(kept)) settings.set(key, kept)
    }
  }, origin)
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}
