import { useMemo, type ReactNode } from 'react'
import type { Charge } from '../../../shared/records/charge'
import type { ImportProfile } from '../../../shared/records/settings'
import { chargeOverlap } from '../../../shared/batches/chargeOverlap'
import { useWorkspace } from '../../workspace/WorkspaceContext'
import { plural } from '../../../shared/text/plural'
import { batchName } from './display'

/**
 * Before anything is imported: which of the file's first rows the workspace holds already, and
 * which look like charges of another export (a renamed header mapped by hand) that would count twice.
 */
export function OverlapWarning({ charges, profiles, fallback = null }: { charges: readonly Charge[]; profiles: readonly ImportProfile[]; fallback?: ReactNode }) {
  const { ledger } = useWorkspace()
  const overlap = useMemo(() => chargeOverlap(charges, ledger.charges().records), [charges, ledger])
  if (overlap.alreadyHeld === 0 && overlap.sameFigures === 0) return <>{fallback}</>
  const sources = overlap.sameFiguresBatchIds
    .map((id) => ledger.meta(id))
    .filter((batch) => batch !== null)
    .map((batch) => `“${batchName(batch, profiles)}”`)
  return (
    <div data-testid="import-overlap">
      {overlap.alreadyHeld > 0 && (
        <p className="import-warning">
          Already in the workspace: {overlap.alreadyHeld} of the first {plural(overlap.rows, 'row')}. Those rows are counted once; importing adds only
          what is new.
        </p>
      )}
      {overlap.sameFigures > 0 && (
        <p className="import-warning" role="alert">
          {overlap.sameFigures} of the first {plural(overlap.rows, 'row')} have the same time, amount and currency as charges already imported from{' '}
          {sources.join(', ')} in another format. If this is the same export with renamed columns, importing it would count that spend twice.
        </p>
      )}
    </div>
  )
}
