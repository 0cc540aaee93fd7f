import type { StepCall } from '../records/run'
import type { StepRule } from '../records/settings'
import { commandWords } from './commandWords'
import { DEFAULT_STEP_RULES } from './defaultStepRules'

/** A tool call as a log shows it: the tool and, at most, its command or file paths. Never stored. */
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
  /** What a stored step keeps of the call (see StepCall): enough for every rule, nothing private. */
  reduce(call: ToolCall, model?: string): StepCall
  /** The label of a stored step, or null when it is not a step. */
  labelCall(call: StepCall): string | null
  /** reduce, then labelCall: a call is labelled from what is kept of it, at import as later. */
  label(call: ToolCall): string | null
  /** Rules that could not be used (an invalid regular expression), as messages. */
  problems: string[]
}

/** Compiles rules once (settings.stepRules, or the defaults when null). */
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
  const reduce = (call: ToolCall, model?: string) => reduceCall(call, compiled, model)
  const labelCall = (call: StepCall) => labelStep(call, compiled)
  return { reduce, labelCall, label: (call) => labelCall(reduce(call)), problems }
}

/**
 * The call without its arguments: the command's words (commandWords.ts) and, as paths are never
 * kept, the label of the first path rule its paths match. So path rules apply as they were at
 * import; tool and command rules apply as they are now.
 */
function reduceCall(call: ToolCall, rules: readonly CompiledRule[], model: string | undefined): StepCall {
  const reduced: StepCall = { tool: call.tool }
  if (call.command !== undefined) reduced.command = call.tool === 'SlashCommand' ? [call.command.split(/\s/)[0]] : commandWords(call.command)
  const paths = (call.paths ?? []).map((path) => path.replace(/\\/g, '/'))
  if (paths.length > 0) {
    const rule = rules.find((r) => r.on === 'path' && r.pattern && appliesTo(r, call.tool) && paths.every((path) => r.pattern!.test(path)))
    if (rule) reduced.pathLabel = rule.label
  }
  if (model !== undefined) reduced.model = model
  return reduced
}

function labelStep(call: StepCall, rules: readonly CompiledRule[]): string | null {
  for (const rule of rules) {
    if (!appliesTo(rule, call.tool)) continue
    if (!rule.pattern) {
      if (rule.on !== 'command' || call.command !== undefined) return rule.label
    } else if (rule.on === 'tool') {
      if (rule.pattern.test(call.tool)) return rule.label
    } else if (rule.on === 'command') {
      if (call.command?.some((words) => rule.pattern!.test(words))) return rule.label
    } else if (call.pathLabel === rule.label) {
      return rule.label
    }
  }
  return null
}

function appliesTo(rule: CompiledRule, tool: string): boolean {
  return rule.anyTool || rule.tools.has(tool)
}

/** Consecutive repeats collapse: read, read, edit, read → read, edit, read. */
export function collapseRepeats(labels: readonly string[]): string[] {
  return labels.filter((label, index) => index === 0 || labels[index - 1] !== label)
}
