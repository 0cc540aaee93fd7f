import { useState } from 'react'
import type { Analysis } from '../../../shared/analysis/analyze'
import type { Portfolio, PortfolioRule } from '../../../shared/records/portfolio'
import { useWorkspace } from '../../workspace/WorkspaceContext'
import { RuleEditor } from './RuleEditor'
import { RuleOrder } from './RuleOrder'
import { useDefinitionChange } from './useDefinitionChange'
import { rulesAfterSave } from './ruleChanges'
import { describeRule, draftFromRule, newDraft, nextRuleId, type DraftRule } from './ruleDraft'
import { DeleteWithConfirm } from '../../components/DeleteWithConfirm'

type Editing = { draft: DraftRule; isNew: boolean } | null

/** The portfolio's rules, the order every rule is tried in, overlaps, and the rule editor. */
export function RulesTab({ portfolio, analysis }: { portfolio: Portfolio; analysis: Analysis }) {
  const { governance } = useWorkspace()
  const definitionChange = useDefinitionChange(portfolio.id)
  const [editing, setEditing] = useState<Editing>(null)
  const ranked = analysis.assignment.rules.filter((entry) => entry.portfolioId === portfolio.id)
  const rankOf = new Map(ranked.map((entry) => [entry.rule.id, entry]))
  const ids = portfolio.rules.map((r) => r.id)

  const save = (rule: PortfolioRule, previousId: string | null) => {
    const rules = rulesAfterSave(governance.portfolios.list().records, portfolio.id, rule, previousId)
    definitionChange.propose({ rules }, () => setEditing(null))
  }
  const remove = (ruleId: string) => definitionChange.propose({ rules: portfolio.rules.filter((r) => r.id !== ruleId) })

  return (
    <div className="rules-tab">
      <section aria-labelledby="own-rules-heading" className="page-section">
        <div className="section-header">
          <h2 id="own-rules-heading">Rules of {portfolio.name}</h2>
          {!editing && (
            <div className="actions inline">
              {/* An empty portfolio (just created) opens with its first rule one key press away. */}
              <button type="button" autoFocus={portfolio.rules.length === 0} onClick={() => setEditing({ draft: newDraft('runs', nextRuleId('runs', ids)), isNew: true })}>
                New rule for runs
              </button>
              <button type="button" onClick={() => setEditing({ draft: newDraft('charges', nextRuleId('charges', ids)), isNew: true })}>
                New rule for charges
              </button>
            </div>
          )}
        </div>
        {portfolio.rules.length === 0 ? (
          <p className="muted">
            No rules yet: nothing lands in this portfolio. Add a rule over runs (repo, branch, steps, …) or over charges
            (project, API key, tags, …). Rules apply to everything already imported and to every later import.
          </p>
        ) : (
          <ul className="rule-list" aria-label="Rules">
            {portfolio.rules.map((rule) => {
              const entry = rankOf.get(rule.id)
              return (
                <li key={rule.id} className="rule-item" data-testid="rule-item">
                  <div>
                    <strong>{rule.id}</strong> <span className="muted">· tried #{(entry?.rank ?? 0) + 1} · specificity {entry?.specificityWhy}</span>
                    <p className="rule-text">{describeRule(rule)}</p>
                  </div>
                  <div className="rule-actions">
                    <DeleteWithConfirm subject={`rule ${rule.id}`} question={<>Delete rule “{rule.id}”?</>} onDelete={() => remove(rule.id)}>
                      <button type="button" onClick={() => setEditing({ draft: draftFromRule(rule), isNew: false })} aria-label={`Edit rule ${rule.id}`} disabled={!!editing}>
                        Edit
                      </button>
                    </DeleteWithConfirm>
                  </div>
                </li>
              )
            })}
          </ul>
        )}
        {definitionChange.controls}
      </section>
      {editing && (
        <RuleEditor
          key={editing.draft.id + String(editing.isNew)}
          input={analysis.input}
          portfolioId={portfolio.id}
          initial={editing.draft}
          isNew={editing.isNew}
          otherRuleIds={ids.filter((id) => editing.isNew || id !== editing.draft.id)}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}
      <RuleOrder analysis={analysis} portfolioId={portfolio.id} />
    </div>
  )
}
