import type { TokenCounts } from '../../../records/common'
import { readCompactObjectAt, wantedField } from '../../lines/compactJsonObject'
import { parseJsonObjectAt } from '../../lines/jsonLine'
import type { ToolCall } from '../../../steps/labelStep'
import { isObject, text, type JsonObject } from '../jsonFields'
import { MAX_REQUEST_TOKENS, NOT_A_COUNT, readTokenCount, readTokenCounts, type ImplausibleCount } from '../tokenCounts'

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
  // Every field there from the start, in one order: the objects read share one shape with claudeTokens (absent and undefined read alike).
  const usage: JsonObject = { input_tokens: undefined, output_tokens: undefined, cache_creation_input_tokens: undefined, cache_read_input_tokens: undefined, cache_creation: undefined }
  return readCompactObjectAt(bytes, open, end, USAGE_READ, usage) === -1 ? parseJsonObjectAt(bytes, open, end) : usage
}

/**
 * Token counts of an assistant line's `message.usage`: null when it lacks the counts, which
 * count is implausible when one is (see tokenCounts.ts). `cache_creation_input_tokens` is the
 * whole write; the `cache_creation` breakdown (mid-2025 and later) says how much of it has
 * the 1-hour TTL, billed at 2× input instead of 1.25×. A field read here must be in USAGE_READ
 * too: claudeUsageAt reads no other from the bytes. Read every assistant line: the counts are
 * read one by one, and only the counts returned are an object (of one shape).
 */
export function claudeTokens(usage: JsonObject): TokenCounts | ImplausibleCount | null {
  if (typeof usage.input_tokens !== 'number' || typeof usage.output_tokens !== 'number') return null
  const input = readTokenCount(usage.input_tokens, MAX_REQUEST_TOKENS)
  const output = readTokenCount(usage.output_tokens, MAX_REQUEST_TOKENS)
  const written = readTokenCount(usage.cache_creation_input_tokens, MAX_REQUEST_TOKENS)
  const read = readTokenCount(usage.cache_read_input_tokens, MAX_REQUEST_TOKENS)
  // readTokenCounts reads the same counts, so it names the one that is not.
  if (input === NOT_A_COUNT || output === NOT_A_COUNT || written === NOT_A_COUNT || read === NOT_A_COUNT) return readTokenCounts(usage, USAGE_FIELDS, MAX_REQUEST_TOKENS) as ImplausibleCount
  const breakdown = usage.cache_creation
  const oneHour = isObject(breakdown) ? readTokenCount(breakdown[CACHE_CREATION_1H], MAX_REQUEST_TOKENS) : 0
  if (oneHour === NOT_A_COUNT) return readTokenCounts(breakdown as JsonObject, [CACHE_CREATION_1H], MAX_REQUEST_TOKENS) as ImplausibleCount
  const written1h = Math.min(oneHour, written)
  return { input, output, cacheWrite5m: written - written1h, cacheWrite1h: written1h, cacheRead: read, reasoning: 0 }
}

/** What a `tool_use` block says about its step: the tool, a shell command, the file it writes. */
export function claudeToolCall(name: string, input: unknown): ToolCall {
  // One shape whatever the call holds (absent facts undefined): labelledCall reads every tool call of every transcript.
  if (!isObject(input)) return { tool: name, command: undefined, paths: undefined }
  const command = typeof input.command === 'string' ? input.command : undefined
  const path = text(input.file_path) ?? text(input.notebook_path)
  return { tool: name, command, paths: path ? [path] : undefined }
}

const COMMAND_NAME = /<command-name>\s*\/?([^<\s]+)\s*<\/command-name>/

/** "/triage" from a user line that ran a slash command, else null. */
export function slashCommand(content: unknown): string | null {
  if (typeof content !== 'string') return null
  const match = COMMAND_NAME.exec(content)
  return match ? `/${match[1]}` : null
}
