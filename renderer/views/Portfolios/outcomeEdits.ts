import { linkKey } from '../../../shared/analysis/outcomes/linkOutcomes'
import type { OutcomeLink } from '../../../shared/analysis/outcomes/outcomeLink'
import type { Governance } from '../../../shared/workspace/governance'

/**
 * People's corrections of outcome links, one record per run and outcome in the governance
 * document (so they sync and undo like any edit). Taking back a correction deletes it.
 */
export function removeLink(governance: Governance, link: OutcomeLink): void {
  const id = linkKey(link.runId, link.outcomeId)
  if (link.rule === 'added-by-person') governance.outcomeLinkEdits.delete(id)
  else governance.outcomeLinkEdits.put({ id, runId: link.runId, outcomeId: link.outcomeId, outcomeKind: link.kind, action: 'remove', at: new Date().toISOString() })
}

export function restoreLink(governance: Governance, link: OutcomeLink): void {
  governance.outcomeLinkEdits.delete(linkKey(link.runId, link.outcomeId))
}

export function addLink(governance: Governance, runId: string, outcomeId: string, outcomeKind: OutcomeLink['kind']): void {
  governance.outcomeLinkEdits.put({ id: linkKey(runId, outcomeId), runId, outcomeId, outcomeKind, action: 'add', at: new Date().toISOString() })
}
