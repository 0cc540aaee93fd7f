import { BILLING_FORMATS } from '../../../shared/importers/billing/formats'
import type { BatchIssue } from '../../../shared/records/batch'
import type { ImportProfile } from '../../../shared/records/settings'

/** An instant (stored in UTC) as people read it, in their own time zone. */
export function formatInstant(iso: string, withTime = true): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return withTime
    ? date.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
}

export function formatRange(from: string | null, to: string | null): string {
  if (!from) return 'no dates'
  const a = formatInstant(from, false)
  const b = to ? formatInstant(to, false) : a
  return a === b ? a : `${a} – ${b}`
}

/** The month an instant falls in, in the viewer's zone: "2026-11". */
export function monthKey(iso: string): string {
  const date = new Date(iso)
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`
}

export function formatMonth(key: string): string {
  const [year, month] = key.split('-').map(Number)
  return new Date(year, month - 1, 1).toLocaleDateString(undefined, { year: 'numeric', month: 'long' })
}

const TOOL_LABELS: Record<string, string> = { 'agent-logs': 'Agent session logs', 'claude-code': 'Claude Code sessions', codex: 'Codex sessions' }

/** What people call a batch's source format. */
export function formatName(format: string, profiles: readonly ImportProfile[]): string {
  const builtIn = BILLING_FORMATS.find((candidate) => candidate.id === format)
  if (builtIn) return builtIn.label
  if (format.startsWith('custom:')) {
    const profile = profiles.find((candidate) => candidate.id === format.slice('custom:'.length))
    return profile ? `Import profile “${profile.name}”` : 'Custom CSV mapping'
  }
  return format
    .split(/[+,]/)
    .map((part) => TOOL_LABELS[part] ?? part)
    .join(' + ')
}

/** `file:line: reason`, the way every bad line is shown. */
export function issueText(file: string, issue: BatchIssue): string {
  if (!file) return issue.message
  return issue.line > 0 ? `${file}:${issue.line}: ${issue.message}` : `${file}: ${issue.message}`
}

export function plural(count: number, one: string, many = one + 's'): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`
}
