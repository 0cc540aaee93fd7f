import { ampThreadFormat } from './amp/ampThread'
import { codexRolloutFormat } from './codex/codexRollout'
import { copilotEventsFormat } from './copilot/copilotEvents'
import { copilotWorkspaceFormat } from './copilot/copilotWorkspace'
import { geminiChatFormat } from './gemini/geminiChat'
import { geminiProjectsFormat } from './gemini/geminiProjects'
import { gooseLegacySessionFormat } from './goose/gooseLegacySession'
import { gooseStoreFormat } from './goose/gooseStore'
import { droidSessionFormat } from './droid/droidSessionLog'
import { droidSettingsFormat } from './droid/droidSettings'
import { kiloFormat, openCodeFormat } from './opencode/openCodeFormat'
import { qwenChatFormat } from './qwenCode/qwenChat'
import type { SessionLogFormat } from './sessionLogFormat'

/**
 * Every agent format but Claude Code's, asked in this order which one a file is; a `.jsonl`
 * none of them claims is read as a Claude Code transcript. Formats recognised by their path
 * or a distinctive first line come first.
 */
export const SESSION_LOG_FORMATS: readonly SessionLogFormat[] = [
  codexRolloutFormat,
  qwenChatFormat,
  droidSettingsFormat,
  droidSessionFormat,
  ampThreadFormat,
  gooseStoreFormat,
  gooseLegacySessionFormat,
  openCodeFormat,
  kiloFormat,
  copilotEventsFormat,
  copilotWorkspaceFormat,
  geminiProjectsFormat,
  geminiChatFormat,
]

/** Whether a file found in a folder may be an agent's session log (Claude Code transcripts are any `.jsonl`). */
export function isSessionLogPath(path: string): boolean {
  const normal = path.split('\\').join('/')
  return /\.jsonl$/i.test(normal) || SESSION_LOG_FORMATS.some((format) => format.wantsPath(normal))
}
