import type { AgentStore } from './agentStore'
import { claudeCodeStore } from './stores/claudeCode'
import { codexStore } from './stores/codex'
import { copilotCliStore } from './stores/copilotCli'
import { geminiCliStore } from './stores/geminiCli'

/** Every agent whose sessions this machine is scanned for, in the order the scan lists them. */
export const AGENT_STORES: readonly AgentStore[] = [
  claudeCodeStore,
  codexStore,
  copilotCliStore,
  geminiCliStore,
]
