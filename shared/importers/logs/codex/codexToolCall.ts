import type { ToolCall } from '../../../steps/labelStep'
import { isObject, text, type JsonObject } from '../jsonFields'

/**
 * What a Codex `response_item` tool call says about its step. Shell commands arrive as an argv
 * (`["bash", "-lc", "cargo test"]`, older `shell` / `local_shell_call`) or a string (`cmd` of
 * `exec_command`, 2026); `apply_patch` names its files in the patch text.
 */
export function codexToolCall(payload: JsonObject): ToolCall | null {
  switch (payload.type) {
    case 'function_call': {
      const name = text(payload.name)
      return name ? namedCall(name, parseArguments(payload.arguments)) : null
    }
    case 'custom_tool_call': {
      const name = text(payload.name)
      if (!name) return null
      return name === 'apply_patch' && typeof payload.input === 'string' ? { tool: name, paths: patchPaths(payload.input) } : { tool: name }
    }
    case 'local_shell_call': {
      const command = isObject(payload.action) ? shellCommand(payload.action.command) : null
      return command === null ? { tool: 'local_shell_call' } : { tool: 'local_shell_call', command }
    }
    case 'web_search_call':
      return { tool: 'web_search_call' }
    default:
      return null
  }
}

function namedCall(name: string, args: JsonObject): ToolCall {
  if (name === 'apply_patch') {
    const patch = typeof args.input === 'string' ? args.input : typeof args.patch === 'string' ? args.patch : ''
    return { tool: name, paths: patchPaths(patch) }
  }
  const command = shellCommand(args.cmd ?? args.command)
  return command === null ? { tool: name } : { tool: name, command }
}

function parseArguments(value: unknown): JsonObject {
  if (isObject(value)) return value
  if (typeof value !== 'string') return {}
  try {
    const parsed: unknown = JSON.parse(value)
    return isObject(parsed) ? parsed : {}
  } catch {
    return {}
  }
}

const SHELLS = /(^|\/)(bash|sh|zsh|dash|fish|pwsh|powershell)(\.exe)?$/i

/** The command line an argv runs: the script of `bash -lc "<script>"`, else the words joined. */
function shellCommand(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (!Array.isArray(value) || !value.every((part) => typeof part === 'string')) return null
  const argv = value as string[]
  if (argv.length >= 3 && SHELLS.test(argv[0]) && /^-\w*c$/.test(argv[1])) return argv[2]
  return argv.join(' ')
}

const PATCH_FILE = /^\*\*\* (?:Update|Add|Delete) File: (.+)$/gm

/** Files an apply_patch touches ("*** Update File: src/a.ts"). */
export function patchPaths(patch: string): string[] {
  return [...patch.matchAll(PATCH_FILE)].map((match) => match[1].trim())
}
