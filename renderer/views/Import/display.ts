import { AGENT_TOOL_NAMES, agentToolName } from '../../../shared/importers/logs/agentTools'
import { BILLING_FORMATS } from '../../../shared/importers/billing/formats'
import { OUTCOME_FORMATS } from '../../../shared/importers/outcomes/importOutcomeFile'
import type { BatchIssue, BatchMeta } from '../../../shared/records/batch'
import type { ImportProfile } from '../../../shared/records/settings'
import { formatInstant } from '../../components/LocalTime'
import { plural } from '../../../shared/text/plural'

/** A batch's span; `to` is the exclusive end of its last bucket, so the last day shown is the one before. */
export function formatRange(from: string | null, to: string | null, utcDays = false): string {
  if (!from) return 'no dates'
  const a = formatInstant(from, false, utcDays)
  const lastMoment = to ? new Date(Math.max(Date.parse(from), Date.parse(to) - 1)).toISOString() : from
  const b = formatInstant(lastMoment, false, utcDays)
  return a === b ? a : `${a} – ${b}`
}

/** What a batch holds, as its badge and its record count say it. */
export const BATCH_KINDS: Record<BatchMeta['kind'], { badge: string; record: string }> = {
  charges: { badge: 'billing', record: 'charge' },
  runs: { badge: 'agent logs', record: 'run' },
  pullRequests: { badge: 'pull requests', record: 'pull request' },
  incidents: { badge: 'incidents', record: 'incident' },
  metrics: { badge: 'metrics', record: 'metric value' },
}

/** "2026-08" (a UTC month, as providers bill) as people read it: "Aug 2026". */
export function formatMonth(key: string): string {
  const [year, month] = key.split('-').map(Number)
  return new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString(undefined, { year: 'numeric', month: 'short', timeZone: 'UTC' })
}

const toolLabel = (part: string) => (part === 'agent-logs' ? 'Agent session logs' : part in AGENT_TOOL_NAMES ? `${agentToolName(part)} sessions` : part)

/** What people call a batch's source format. */
export function formatName(format: string, profiles: readonly ImportProfile[]): string {
  const builtIn = [...BILLING_FORMATS, ...OUTCOME_FORMATS].find((candidate) => candidate.id === format)
  if (builtIn) return builtIn.label
  if (format.startsWith('custom:')) {
    const profile = profiles.find((candidate) => candidate.id === format.slice('custom:'.length))
    return profile ? `Import profile “${profile.name}”` : 'Custom CSV mapping'
  }
  return format
    .split(/[+,]/)
    .map(toolLabel)
    .join(' + ')
}

/**
 * A batch named after what it holds: its file when there is one; otherwise the folder the files
 * share, what they are and the months they cover ("logs/ · Claude Code + Codex sessions ·
 * Feb – Apr 2026 · 6 files"), never just "249 files".
 */
export function batchName(batch: Pick<BatchMeta, 'fileNames' | 'format' | 'from' | 'to'>, profiles: readonly ImportProfile[]): string {
  if (batch.fileNames.length === 1) return batch.fileNames[0]
  const folder = commonFolder(batch.fileNames)
  return [folder && `${folder}/`, formatName(batch.format, profiles), monthSpan(batch.from, batch.to), plural(batch.fileNames.length, 'file')].filter(Boolean).join(' · ')
}

/** The deepest folder every path sits in ("logs/claude" for logs/claude/a/x.jsonl and logs/claude/b/y.jsonl), or "". */
function commonFolder(paths: readonly string[]): string {
  const folders = paths.map((path) => path.split('/').slice(0, -1))
  const shared: string[] = []
  for (let i = 0; folders.every((parts) => i < parts.length && parts[i] === folders[0][i]); i++) shared.push(folders[0][i])
  return shared.join('/')
}

/** "Feb – Apr 2026", "Mar 2026" or "Dec 2025 – Jan 2026": the UTC months from `from` to the exclusive end `to`. */
function monthSpan(from: string | null, to: string | null): string {
  if (!from) return ''
  const first = from.slice(0, 7)
  const last = to ? new Date(Math.max(Date.parse(from), Date.parse(to) - 1)).toISOString().slice(0, 7) : first
  if (first === last) return formatMonth(first)
  const sameYear = first.slice(0, 4) === last.slice(0, 4)
  const start = sameYear ? new Date(`${first}-01T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', timeZone: 'UTC' }) : formatMonth(first)
  return `${start} – ${formatMonth(last)}`
}

/** `file:line: reason`, the way every bad line is shown. */
export function issueText(file: string, issue: BatchIssue): string {
  if (!file) return issue.message
  return issue.line > 0 ? `${file}:${issue.line}: ${issue.message}` : `${file}: ${issue.message}`
}

