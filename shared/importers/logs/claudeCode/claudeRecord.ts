import type { TokenCounts } from '../../../records/common'
import { readCompactObjectAt, wantedField } from '../../lines/compactJsonObject'
import { parseJsonObjectAt } from '../../lines/jsonLine'
import type { ToolCall } from '../../../steps/labelStep'
import { isObject, text, type JsonObject } from '../jsonFields'
import { isImplausible, MAX_REQUEST_TOKENS, readTokenCounts, type ImplausibleCount } from '../tokenCounts'

/** Readers for the parts of Claude Code transcript lines that matter: usage, tool calls, commands. */

const USAGE_FIELDS = ['input_tokens', 'output_tokens', 'cache_creation_input_tokens', 'cache_read_input_tokens'] as const
const CACHE_CREATION_1H = 'ephemeral_1h_input_tokens'
/** What claudeTokens reads of a usage object. */
const USAGE_READ = [...USAGE_FIELDS.map((name) => wantedField(name)), wantedField('cache_creation', [wantedField(CACHE_CREATION_1H)])]

/**
 * The usage object whose "{" is at `open`, as far as claudeTokens reads it (what it gives for
 * this equals what it gives for the parsed object): read from the bytes when written compactly
 * with plain values (readCompactObjectAt), as Claude Code writes it, else parsed; null when it
 * does not close before `end` or is not valid JSON.
 */
export function claudeUsageAt(bytes: Uint8Array, open: number, end: number): unknown {
  const usage: JsonObject = {}
  return readCompactObjectAt(bytes, open, end, USAGE_READ, usage) === -1 ? parseJsonObjectAt(bytes, open, end) : usage
}

/**
 * Token counts of an assistant line's `message.usage`: null when it lacks the counts, which
 * count is implausible when one is (see tokenCounts.ts). `cache_creation_input_tokens` is the
 * whole write; the `cache_creation` breakdown (mid-2025 and later) says how much of it has
 * the 1-hour TTL, billed at 2× input instead of 1.25×. A field read here must be in USAGE_READ
 * too: claudeUsageAt reads no other from the bytes.
 */
export function claudeTokens(usage: JsonObject): TokenCounts | ImplausibleCount | null {
  if (typeof usage.input_tokens !== 'number' || typeof usage.output_tokens !== 'number') return null
  const counts = readTokenCounts(usage, USAGE_FIELDS, MAX_REQUEST_TOKENS)
  if (isImplausible(counts)) return counts
  const breakdown = isObject(usage.cache_creation) ? readTokenCounts(usage.cache_creation, [CACHE_CREATION_1H], MAX_REQUEST_TOKENS) : { [CACHE_CREATION_1H]: 0 }
  if (isImplausible(breakdown)) return breakdown
  const written = counts.cache_creation_input_tokens
  const written1h = Math.min(breakdown.ephemeral_1h_input_tokens, written)
  return {
    input: counts.input_tokens,
    output: counts.output_tokens,
    cacheWrite5m: written - written1h,
    cacheWrite1h: written1h,
    cacheRead: counts.cache_read_input_tokens,
    reasoning: 0,
  }
}

/** What a `tool_use` block says about its step: the tool, a shell command, the file it writes. */
export function claudeToolCall(name: string, input: unknown): ToolCall {
  if (!isObject(input)) return { tool: name }
  const command = typeof input.command === 'string' ? input.command : undefined
  const path = text(input.file_path) ?? text(input.notebook_path)
  return { tool: name, ...(command !== undefined ? { command } : {}), ...(path ? { paths: [path] } : {}) }
}

const COMMAND_NAME = /<command-name>\s*\/?([^<\s]+)\s*<\/command-name>/

/** "/triage" from a user line that ran a slash command, else null. */
export function slashCommand(content: unknown): string | null {
  if (typeof content !== 'string') return null
  const match = COMMAND_NAME.exec(content)
  return match ? `/${match[1]}` : null
}
