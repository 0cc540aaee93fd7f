import { useMemo, useState } from 'react'
import type { StepRule } from '../../../shared/records/settings'
import { DEFAULT_STEP_RULES } from '../../../shared/steps/defaultStepRules'
import { createStepLabeller } from '../../../shared/steps/labelStep'
import { useSettings } from './useSettings'

const ON_LABELS: Record<StepRule['on'], string> = { command: 'shell command', path: 'file path', tool: 'tool name' }

/**
 * How tool calls become step labels: the team's rules, in priority order (the first match
 * wins). They apply to logs imported from now on.
 */
export function StepRulesSettings() {
  const { settings, set } = useSettings()
  const rules = settings.stepRules ?? DEFAULT_STEP_RULES
  const problems = useMemo(() => createStepLabeller(rules).problems, [rules])
  const [trial, setTrial] = useState({ tool: 'Bash', input: 'npm run test -- --watch=false' })
  const trialLabel = useMemo(() => {
    const labeller = createStepLabeller(rules)
    return labeller.label({ tool: trial.tool.trim(), command: trial.input, paths: trial.input ? [trial.input] : [] })
  }, [rules, trial])

  const save = (next: StepRule[]) => set('stepRules', next)
  const change = (index: number, patch: Partial<StepRule>) => save(rules.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)))
  const move = (index: number, by: number) => {
    const next = [...rules]
    const [rule] = next.splice(index, 1)
    next.splice(index + by, 0, rule)
    save(next)
  }

  return (
    <section className="settings-section" aria-labelledby="settings-steps">
      <h2 id="settings-steps">Step labelling</h2>
      <p className="field-hint">
        Each tool call in a session log becomes a step (read, search, edit, test, …) by the first rule below that matches. Patterns are
        case-insensitive regular expressions; a shell command matches when any of its parts (split on &&, ;, | outside quotes) does.
        Changes apply to logs imported from now on, for the whole team.
      </p>
      <div className="step-trial" role="group" aria-label="Try the rules">
        <label>
          Tool <input value={trial.tool} onChange={(e) => setTrial({ ...trial, tool: e.target.value })} aria-label="Trial tool" />
        </label>
        <label>
          Command or path <input value={trial.input} onChange={(e) => setTrial({ ...trial, input: e.target.value })} aria-label="Trial command or path" />
        </label>
        <span data-testid="trial-label">→ {trialLabel ?? 'no step'}</span>
      </div>
      {problems.map((problem) => (
        <p key={problem} className="field-error" role="alert">
          {problem}
        </p>
      ))}
      <table className="step-rules" aria-label="Step rules">
        <thead>
          <tr>
            <th>#</th>
            <th>Tools</th>
            <th>Reads</th>
            <th>Pattern</th>
            <th>Label</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rules.map((rule, index) => (
            <tr key={`${index}:${JSON.stringify(rule)}`}>
              <td>{index + 1}</td>
              <td>
                <input aria-label={`Rule ${index + 1} tools`} defaultValue={rule.tools.join(', ')} onBlur={(e) => change(index, { tools: e.target.value.split(',').map((t) => t.trim()).filter(Boolean) })} />
              </td>
              <td>
                <select aria-label={`Rule ${index + 1} reads`} value={rule.on} onChange={(e) => change(index, { on: e.target.value as StepRule['on'] })}>
                  {Object.entries(ON_LABELS).map(([value, label]) => (
                    <option key={value} value={value}>{label}</option>
                  ))}
                </select>
              </td>
              <td>
                <input aria-label={`Rule ${index + 1} pattern`} className="pattern" defaultValue={rule.pattern} onBlur={(e) => change(index, { pattern: e.target.value })} />
              </td>
              <td>
                <input aria-label={`Rule ${index + 1} label`} className="label" defaultValue={rule.label} onBlur={(e) => e.target.value.trim() && change(index, { label: e.target.value.trim() })} />
              </td>
              <td className="row-actions">
                <button type="button" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move rule ${index + 1} up`}>↑</button>
                <button type="button" disabled={index === rules.length - 1} onClick={() => move(index, 1)} aria-label={`Move rule ${index + 1} down`}>↓</button>
                <button type="button" onClick={() => save(rules.filter((_, i) => i !== index))} aria-label={`Delete rule ${index + 1}`}>✕</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={() => save([{ tools: ['Bash'], on: 'command', pattern: '', label: 'shell' }, ...rules])}>Add a rule at the top</button>
        {settings.stepRules && (
          <button type="button" onClick={() => set('stepRules', null)}>
            Reset to the defaults
          </button>
        )}
      </div>
    </section>
  )
}
