import { parseInstant, type DateFormat } from '../billing/dates'
import { OutcomeRowError } from './outcomeFormat'

/** Reading fields of one exported record, each failure an OutcomeRowError naming the field. */

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function requiredText(item: Record<string, unknown>, field: string): string {
  const value = item[field]
  if (typeof value === 'string' && value.trim()) return value.trim()
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  throw new OutcomeRowError(`"${field}" is missing`)
}

export function optionalText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null
}

export function requiredNumber(item: Record<string, unknown>, field: string): number {
  const value = item[field]
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value
  throw new OutcomeRowError(`"${field}" is not a whole number`)
}

export function optionalCount(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null
}

/** A date-time in `format` (exports write ISO, UTC with `Z` or an offset; a column mapping names its own); empty → null. */
export function optionalInstant(value: unknown, field: string, format: DateFormat = 'iso'): string | null {
  if (value === null || value === undefined || value === '') return null
  const instant = typeof value === 'string' ? parseInstant(value, format) : null
  if (instant === null) throw new OutcomeRowError(`"${field}" is not a date and time: ${JSON.stringify(value).slice(0, 60)}`)
  return instant
}

export function requiredInstant(value: unknown, field: string, format: DateFormat = 'iso'): string {
  const instant = optionalInstant(value, field, format)
  if (instant === null) throw new OutcomeRowError(`"${field}" is missing`)
  return instant
}

/** Label names from `[{name}]` (GitHub) or `["name"]` (GitLab). */
export function labelNames(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((label) => (typeof label === 'string' ? [label] : isObject(label) && typeof label.name === 'string' ? [label.name] : []))
}

/**
 * Whether an account is a bot: GitHub apps log in as `name[bot]` (REST) or `app/name` with
 * `is_bot` (gh), GitLab marks `bot: true` and names project/group tokens `project_<id>_bot…`.
 * Only this flag is kept; the login itself never is.
 */
export function isBotAccount(author: unknown): boolean {
  if (!isObject(author)) return false
  if (author.is_bot === true || author.bot === true || author.type === 'Bot') return true
  const login = typeof author.login === 'string' ? author.login : typeof author.username === 'string' ? author.username : ''
  return /\[bot\]$/i.test(login) || /^app\//i.test(login) || /^(project|group)_\d+_bot/i.test(login)
}

/**
 * Where a PR or MR lives, from its web address: host, repository path and the last part of it.
 * GitHub `https://github.com/acme/harbor-ui/pull/42`; GitLab `https://gitlab.com/g/sub/app/-/merge_requests/7`.
 */
export function repositoryOfUrl(url: string): { host: string; repoPath: string; repo: string } {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new OutcomeRowError(`"${url.slice(0, 80)}" is not a web address`)
  }
  const segments = parsed.pathname.split('/').filter(Boolean)
  const end = segments.indexOf('-') >= 0 ? segments.indexOf('-') : segments.findIndex((segment) => segment === 'pull' || segment === 'pulls')
  const repoSegments = end >= 0 ? segments.slice(0, end) : segments.slice(0, 2)
  if (repoSegments.length < 2) throw new OutcomeRowError(`"${url.slice(0, 80)}" does not name a repository`)
  return { host: parsed.host.toLowerCase(), repoPath: repoSegments.join('/'), repo: repoSegments[repoSegments.length - 1] }
}
