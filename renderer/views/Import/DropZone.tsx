import { useState, type DragEvent } from 'react'
import { sourcesFromDrop } from './dropFiles'
import type { ImportSource } from './sources'

/**
 * Where files go: drop them here, or press it (it is a button) to pick them. Folders can be
 * dropped too; their CSV and JSONL files are read.
 */
export function DropZone({ onFiles, onPick, busy }: { onFiles: (sources: ImportSource[]) => void; onPick: () => void; busy: boolean }) {
  const [over, setOver] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const onDragOver = (event: DragEvent) => {
    if (![...event.dataTransfer.types].includes('Files')) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'copy'
    setOver(true)
  }
  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setOver(false)
    setError(null)
    sourcesFromDrop(event.dataTransfer).then(onFiles, (reason: unknown) => setError(`Could not read the dropped files: ${(reason as Error)?.message ?? reason}`))
  }

  return (
    <div className="drop-zone-wrap">
      <button
        type="button"
        className={'drop-zone' + (over ? ' over' : '')}
        onClick={onPick}
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        aria-describedby="drop-zone-hint"
        data-testid="drop-zone"
      >
        <span className="drop-zone-title">{busy ? 'Drop more files to queue them' : 'Drop billing exports or agent logs here'}</span>
        <span className="drop-zone-action">or choose files…</span>
      </button>
      <p id="drop-zone-hint" className="field-hint">
        CSV billing exports (Anthropic, OpenAI, GitHub, Cursor, AWS, Azure, OpenRouter, FOCUS or any CSV you map once) and
        coding-agent session logs (Claude Code, Codex, Copilot CLI, Gemini CLI, OpenCode, Amp, Qwen Code, Goose, Kilo, Droid: the files, or a whole folder of them), and outcomes: pull request exports (.json from
        gh, the GitHub or GitLab API), PagerDuty or incident.io incident CSVs, metrics CSVs. Files stay on this machine; only the parsed
        records join the workspace.
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
