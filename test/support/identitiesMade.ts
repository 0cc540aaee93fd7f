import type { Batch } from '../../shared/batches/batch'
import type { ChargeIdentities } from '../../shared/batches/identities'

/** An import's result with its identities (made when first read: PackedChargeIdentities) as maps: results compared whole, as toEqual compares them. */
export function withIdentitiesMade<T extends { identities: ChargeIdentities; batch: Batch | null }>(result: T): T {
  return { ...result, identities: new Map(result.identities), batch: result.batch && { ...result.batch, identities: new Map(result.batch.identities) } }
}
