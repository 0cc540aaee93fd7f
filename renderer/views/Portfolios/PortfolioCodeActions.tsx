import { useState } from 'react'
import { exportPortfolioCode, type PortfolioCodeError, type PortfolioImportPlan } from '../../../shared/portfolios/portfolioCode'
import { useBridge, useWorkspace } from '../../workspace/WorkspaceContext'
import { readPickedText } from '../../platform/readPickedText'
import { importPortfolioCode } from './portfolioCodeImport'
import { plural } from '../../../shared/text/plural'

type Outcome =
  | { kind: 'imported'; file: string; plan: PortfolioImportPlan }
  | { kind: 'invalid'; file: string; errors: PortfolioCodeError[] }
  | { kind: 'exported'; count: number; path?: string }
  | { kind: 'undone' }
  | { kind: 'failed'; message: string }

/** Portfolios as code: export definitions and rules as JSON for a repository, import them back (merge by id). */
export function PortfolioCodeActions() {
  const bridge = useBridge()
  const { governance, undoManager } = useWorkspace()
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [busy, setBusy] = useState(false)

  async function exportCode() {
    const portfolios = governance.portfolios.list().records
    try {
      const result = await bridge.saveFile('portfolios.json', exportPortfolioCode(portfolios), 'application/json')
      if (result.saved) setOutcome({ kind: 'exported', count: portfolios.length, path: result.path })
    } catch (error) {
      setOutcome({ kind: 'failed', message: `Could not save the file: ${(error as Error).message}` })
    }
  }

  async function importCode() {
    setBusy(true)
    try {
      const [file] = await bridge.openFiles({ title: 'Import portfolio definitions', extensions: ['json'] })
      if (!file) return
      const result = importPortfolioCode(await readPickedText(file), governance, undoManager)
      setOutcome(result.ok ? { kind: 'imported', file: file.name, plan: result.plan } : { kind: 'invalid', file: file.name, errors: result.errors })
    } catch (error) {
      setOutcome({ kind: 'failed', message: `Could not read the file: ${(error as Error).message}` })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="code-actions">
      <div className="actions inline" role="group" aria-labelledby="portfolio-code-label">
        <span id="portfolio-code-label" className="code-label">
          Portfolios as code
        </span>
        <button type="button" onClick={exportCode}>
          Export as JSON
        </button>
        <button type="button" onClick={importCode} disabled={busy}>
          Import JSON…
        </button>
      </div>
      {outcome?.kind === 'exported' && (
        <p className="code-message" role="status">
          Exported {plural(outcome.count, 'portfolio definition')} with their rules{outcome.path ? ` to ${outcome.path}` : ''}.
        </p>
      )}
      {outcome?.kind === 'imported' && (
        <div className="code-message" role="status" data-testid="code-import-result">
          <p>
            Imported {outcome.file}: {outcome.plan.added.length} added, {outcome.plan.updated.length} updated,{' '}
            {outcome.plan.unchanged.length} unchanged. Portfolios the file does not mention were left as they are.
          </p>
          {outcome.plan.put.length > 0 && (
            <button
              type="button"
              onClick={() => {
                undoManager.undo()
                setOutcome({ kind: 'undone' })
              }}
            >
              Undo import
            </button>
          )}
        </div>
      )}
      {outcome?.kind === 'undone' && (
        <p className="code-message" role="status">
          Import undone.
        </p>
      )}
      {outcome?.kind === 'invalid' && (
        <div className="code-errors" role="alert" data-testid="code-import-errors">
          <p>
            <strong>{outcome.file} was not imported</strong>: nothing changed. Fix {outcome.errors.length === 1 ? 'this problem' : `these ${outcome.errors.length} problems`} and import again.
          </p>
          <ul>
            {outcome.errors.map((error, i) => (
              <li key={i}>
                <code>{error.path}</code>: {error.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {outcome?.kind === 'failed' && (
        <p className="code-errors" role="alert">
          {outcome.message}
        </p>
      )}
    </div>
  )
}
