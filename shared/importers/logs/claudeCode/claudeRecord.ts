import type { TokenCounts } from '../../../records/common'
import type { ToolCall } from '../../../steps/labelStep'
import { isObject, text, type JsonObject } from '../jsonFields'

/** Readers for the parts of Claude Code transcript lines that matter: usage, tool calls, commands. */

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0
}

/**
 * Token counts of an assistant line's `message.usage`, or null when it lacks the counts.
 * `cache_creation_input_tokens` is the whole write; the `cache_creation` breakdown (mid-2025
 * and later) says how much of it has the 1-hour TTL, billed at 2× input instead of 1.25×.
 */
export function claudeTokens(usage: JsonObject): TokenCounts | null {
  if (typeof usage.input_tokens !== 'number' || typeof usage.output_tokens !== 'number') return null
  const written = count(usage.cache_creation_input_tokens)
  const breakdown = usage.cache_creation
  const written1h = isObject(breakdown) ? Math.min(count(breakdown.ephemeral_1h_input_tokens), written) : 0
  return {
    input: count(usage.input_tokens),
    output: count(usage.output_tokens),
    cacheWrite5m: written - written1h,
    cacheWrite1h: written1h,
    cacheRead: count(usage.cache_read_input_tokens),
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
