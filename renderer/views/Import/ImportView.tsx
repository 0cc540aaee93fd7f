import { EmptyState } from '../../components/EmptyState'

export function ImportView() {
  return (
    <div className="view">
      <header className="view-header">
        <h1>Import</h1>
      </header>
      <EmptyState title="Bring in what you spent and what your agents did">
        Provider billing exports (Anthropic, OpenAI, GitHub Copilot, Cursor, AWS Bedrock, Azure, OpenRouter, FOCUS or
        any CSV) and coding-agent session logs (Claude Code, Codex). Each import becomes a batch the whole team sees.
      </EmptyState>
    </div>
  )
}
