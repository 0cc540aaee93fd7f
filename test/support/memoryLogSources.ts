import type { LogFileSource } from '../../shared/importers/logs/types'

/** In-memory log files for tests: each file's text, cut into chunks of `chunkSize` bytes. */
export function memorySources(files: Record<string, string | Uint8Array>, chunkSize = 1 << 16): LogFileSource[] {
  return Object.entries(files).map(([path, content]) => {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content
    return {
      path,
      async *chunks() {
        for (let offset = 0; offset < bytes.length; offset += chunkSize) yield bytes.slice(offset, offset + chunkSize)
      },
    }
  })
}

/** A Claude Code assistant line as real transcripts have it (compact JSON, usage on every split line). */
export function claudeAssistantLine(fields: {
  sessionId: string
  messageId: string
  requestId?: string
  model?: string
  timestamp: string
  input?: number
  output: number
  cacheRead?: number
  sidechain?: boolean
  content?: unknown[]
}): string {
  return JSON.stringify({
    parentUuid: null,
    isSidechain: fields.sidechain ?? false,
    userType: 'external',
    cwd: '/home/dana/src/app',
    sessionId: fields.sessionId,
    version: '2.0.28',
    gitBranch: 'main',
    message: {
      id: fields.messageId,
      type: 'message',
      role: 'assistant',
      model: fields.model ?? 'claude-sonnet-4-5-20250929',
      content: fields.content ?? [{ type: 'text', text: 'ok' }],
      usage: { input_tokens: fields.input ?? 1, cache_creation_input_tokens: 0, cache_read_input_tokens: fields.cacheRead ?? 0, output_tokens: fields.output },
    },
    ...(fields.requestId ? { requestId: fields.requestId } : {}),
    type: 'assistant',
    uuid: `${fields.messageId}-${fields.timestamp}`,
    timestamp: fields.timestamp,
  })
}
