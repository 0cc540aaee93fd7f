import type { AgentStore } from './agentStore'
import { ampStore } from './stores/amp'
import { claudeCodeStore } from './stores/claudeCode'
import { codexStore } from './stores/codex'
import { copilotCliStore } from './stores/copilotCli'
import { droidStore } from './stores/droid'
import { geminiCliStore } from './stores/geminiCli'
import { gooseStore } from './stores/goose'
import { kiloStore } from './stores/kilo'
import { openCodeStore } from './stores/opencode'
import { qwenCodeStore } from './stores/qwenCode'

/** Every agent whose sessions this machine is scanned for, in the order the scan lists them. */
export const AGENT_STORES: readonly AgentStore[] = [
  claudeCodeStore,
  codexStore,
  qwenCodeStore,
  droidStore,
  ampStore,
  gooseStore,
  openCodeStore,
  kiloStore,
  copilotCliStore,
  geminiCliStore,
]
