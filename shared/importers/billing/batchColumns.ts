import { ColumnBuilder } from '../../batches/columnCodec'
import { UniqueIdentities } from '../../batches/identities'

/**
 * What a billing batch's charges are built in, the same wherever a part of a file is read (the
 * stored bytes, and so the batch id, depend on it): their columns, where identities, unique
 * (UniqueIdentities) and kept anyway, are listed as they are.
 */
export function chargeColumns(): ColumnBuilder {
  return new ColumnBuilder(new Set(['identity']))
}

/** Unique identities for `bytes` of an export, sized for rows of about 190 bytes (an Anthropic cost row): a million-row export's table never grows. */
export function identitiesForBytes(bytes: number): UniqueIdentities {
  return new UniqueIdentities(bytes / 192)
}
