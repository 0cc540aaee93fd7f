import type { StepRule } from '../records/settings'
import { DEFAULT_STEP_RULES } from './defaultStepRules'
import { shellSegments } from './shellSegments'

/** What a step label is decided from: the tool and, at most, its command or file paths. */
export interface ToolCall {
  tool: string
  /** A shell command line, or a slash command ("/triage"). */
  command?: string
  /** Files the call writes or reads. */
  paths?: string[]
}

interface CompiledRule {
  tools: ReadonlySet<string>
  anyTool: boolean
  on: StepRule['on']
  pattern: RegExp | null
  label: string
}

export interface StepLabeller {
  label(call: ToolCall): string | null
  /** Rules that could not be used (an invalid regular expression), as messages. */
  problems: string[]
}

/** Compiles rules once per import (settings.stepRules, or the defaults when null). */
export function createStepLabeller(rules: readonly StepRule[] | null = null): StepLabeller {
  const compiled: CompiledRule[] = []
  const problems: string[] = []
  for (const [index, rule] of (rules ?? DEFAULT_STEP_RULES).entries()) {
    let pattern: RegExp | null = null
    try {
      pattern = rule.pattern ? new RegExp(rule.pattern, 'i') : null
    } catch (error) {
      problems.push(`step rule ${index + 1} (${rule.label}): invalid pattern: ${(error as Error).message}`)
      continue
    }
    compiled.push({ tools: new Set(rule.tools), anyTool: rule.tools.includes('*'), on: rule.on, pattern, label: rule.label })
  }
  return { label: (call) => labelStep(call, compiled), problems }
}

function labelStep(call: ToolCall, rules: readonly CompiledRule[]): string | null {
  let segments: string[] | null = null
  for (const rule of rules) {
    if (!rule.anyTool && !rule.tools.has(call.tool)) continue
    if (rule.on === 'tool') {
      if (!rule.pattern || rule.pattern.test(call.tool)) return rule.label
    } else if (rule.on === 'command') {
      if (call.command === undefined) continue
      if (!rule.pattern) return rule.label
      segments ??= shellSegments(call.command)
      if (segments.some((segment) => rule.pattern!.test(segment))) return rule.label
    } else {
      if (!rule.pattern) return rule.label
      const paths = call.paths ?? []
      if (paths.length > 0 && paths.every((path) => rule.pattern!.test(path.replace(/\\/g, '/')))) return rule.label
    }
  }
  return null
}

/** Consecutive repeats collapse: read, read, edit, read → read, edit, read. */
export function collapseRepeats(labels: readonly string[]): string[] {
  return labels.filter((label, index) => index === 0 || labels[index - 1] !== label)
}
