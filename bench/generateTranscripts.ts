import { createWriteStream, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { lcg } from '../test/support/seededRandom'

/**
 * Writes Claude Code–shaped transcripts for the import benchmark: per session a summary line,
 * then turns of a user prompt, split assistant lines (thinking, text, tool_use sharing one
 * message id with growing output_tokens), a tool result carrying file content, hook and
 * file-history lines; some sessions also get a subagent file. Lines carry escapes and some
 * non-ASCII text, like real transcripts. A shape sets session and line sizes.
 */

export interface TranscriptShape {
  /** A main session file's size in bytes (its subagent file gets a quarter). */
  sessionBytes: (next: () => number) => number
  /** Scales the prose of every line (prompts, thinking, text, hooks): 1 gives lines of 1–4 KB. */
  proseScale: number
  /** Scales tool results (file contents, command output). */
  toolResultScale: number
  /** Every how many sessions one has a subagent file. */
  subagentEvery: number
}

export const TRANSCRIPT_SHAPES = {
  /** A few hundred sessions of 3 MB with 1–4 KB lines. */
  large: { sessionBytes: () => 3_000_000, proseScale: 1, toolResultScale: 1, subagentEvery: 3 },
  /** Many short sessions (median 75 KB, log-normal sizes) of compact lines under 1 KB on average. */
  small: { sessionBytes: (next) => 75_000 * Math.exp(0.5 * normal(next)), proseScale: 0.12, toolResultScale: 0.12, subagentEvery: 10 },
  /** Sessions whose tool results carry whole files: lines of 50–150 KB among short ones. */
  longLines: { sessionBytes: () => 8_000_000, proseScale: 0.5, toolResultScale: 40, subagentEvery: 4 },
} satisfies Record<string, TranscriptShape>

/** A standard normal deviate (Box–Muller). */
function normal(next: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next())
}

const MODELS = ['claude-sonnet-4-5-20250929', 'claude-opus-4-6', 'claude-haiku-4-5-20251001']
const TOOLS: [string, Record<string, string>][] = [
  ['Bash', { command: 'npm run test -- --reporter=dot' }],
  ['Bash', { command: 'rg -n "handleRequest" src | head -50' }],
  ['Read', { file_path: '/home/dev/work/api/src/server.ts' }],
  ['Edit', { file_path: '/home/dev/work/api/src/server.ts', old_string: 'const a = 1', new_string: 'const a = 2' }],
  ['Grep', { pattern: 'TODO|FIXME', path: 'src' }],
  ['Bash', { command: 'git status && git diff --stat' }],
]
const WORDS = 'the request handler retries parse token budget cache window stream line decode error function const return await import export type interface value result async if else for while'.split(' ')
// Claude's prose and test runners' output carry the odd em dash, check mark or accent: about
// one word in 500, so roughly half of the long lines hold a non-ASCII character (which turns the
// whole decoded line into a two-byte string, the slow path of decoding and JSON.parse).
const NON_ASCII = ['—', 'résumé', '✓', '→', '日本語', '🚀']

function text(next: () => number, bytes: number): string {
  const parts: string[] = []
  let size = 0
  while (size < bytes) {
    const word = next() < 0.002 ? NON_ASCII[Math.floor(next() * NON_ASCII.length)] : WORDS[Math.floor(next() * WORDS.length)]
    parts.push(word)
    size += word.length + 1
    if (next() < 0.05) parts.push('\n\t"quoted"')
  }
  return parts.join(' ')
}

function uuid(next: () => number): string {
  const hex = () => Math.floor(next() * 16).toString(16)
  return Array.from({ length: 32 }, hex).join('').replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-')
}

function sessionLines(sessionId: string, next: () => number, targetBytes: number, start: number, sidechain: boolean, shape: TranscriptShape): string[] {
  const prose = (bytes: number) => text(next, bytes * shape.proseScale)
  const cwd = '/home/dev/work/api'
  // Key order as Claude Code writes it: envelope, message, then type, uuid and timestamp last.
  const envelope = (type: string, time: number, body: Record<string, unknown>) => ({
    parentUuid: uuid(next), isSidechain: sidechain, userType: 'external', cwd, sessionId, version: '2.0.28', gitBranch: 'main',
    ...(sidechain ? { agentId: 'a43dde9' } : {}), ...body, type, uuid: uuid(next), timestamp: new Date(time).toISOString(),
  })
  const lines: string[] = []
  let size = 0
  let time = start
  const push = (value: unknown) => {
    const line = JSON.stringify(value)
    lines.push(line)
    size += line.length + 1
  }
  if (!sidechain) push({ type: 'summary', summary: 'Fix the request handler', leafUuid: uuid(next) })
  let turn = 0
  while (size < targetBytes) {
    turn++
    time += 20_000
    push(envelope('user', time, { message: { role: 'user', content: prose(600 + next() * 800) } }))
    const model = MODELS[turn % MODELS.length]
    const messageId = `msg_${uuid(next).replace(/-/g, '')}`
    const requestId = `req_${uuid(next).replace(/-/g, '')}`
    const usage = (output: number) => ({
      input_tokens: 3 + Math.floor(next() * 10), cache_creation_input_tokens: 3000, cache_read_input_tokens: 14000 + turn * 900,
      cache_creation: { ephemeral_5m_input_tokens: 1000, ephemeral_1h_input_tokens: 2000 }, output_tokens: output, service_tier: 'standard',
    })
    const [toolName, toolInput] = TOOLS[turn % TOOLS.length]
    const blocks = [
      { type: 'thinking', thinking: prose(600 + next() * 1400), signature: 'Eq' + uuid(next).repeat(6) },
      { type: 'text', text: prose(400 + next() * 1200) },
      { type: 'tool_use', id: `toolu_${turn}_${uuid(next).slice(0, 8)}`, name: toolName, input: toolInput },
    ]
    blocks.forEach((block, index) => {
      time += 1500
      push(envelope('assistant', time, {
        message: { id: messageId, type: 'message', role: 'assistant', model, content: [block], stop_reason: index === 2 ? 'tool_use' : null, stop_sequence: null, usage: usage(2 + index * 150) },
        requestId,
      }))
    })
    time += 3000
    const content = text(next, (1200 + next() * 2200) * shape.toolResultScale)
    push(envelope('user', time, {
      message: { role: 'user', content: [{ tool_use_id: blocks[2].id, type: 'tool_result', content, is_error: false }] },
      toolUseResult: { stdout: content.slice(0, 400), stderr: '', interrupted: false, isImage: false },
    }))
    if (turn % 4 === 0) push(envelope('system', time, { content: 'PostToolUse [npm run lint] completed successfully ' + prose(900), level: 'info', isMeta: false }))
    if (turn % 5 === 0) {
      push({ type: 'file-history-snapshot', messageId, snapshot: { messageId, trackedFileBackups: { 'src/server.ts': { backupFileName: uuid(next), version: turn, backupTime: new Date(time).toISOString() } }, timestamp: new Date(time).toISOString() }, isSnapshotUpdate: false, padding: prose(1000) })
    }
  }
  return lines
}

/** Generates about `totalBytes` of transcripts under `<root>/projects/`; returns the bytes written. */
export async function generateTranscripts(root: string, totalBytes: number, shape: TranscriptShape = TRANSCRIPT_SHAPES.large, seed = 7): Promise<number> {
  const next = lcg(seed)
  let written = 0
  let index = 0
  while (written < totalBytes) {
    const project = join(root, 'projects', `-home-dev-work-project-${index % 12}`)
    const sessionId = uuid(next)
    const start = Date.UTC(2026, 0, 1) + index * 3_600_000
    const sessionBytes = shape.sessionBytes(next)
    mkdirSync(project, { recursive: true })
    written += await writeLines(join(project, `${sessionId}.jsonl`), sessionLines(sessionId, next, sessionBytes, start, false, shape))
    if (index % shape.subagentEvery === 0) {
      const subagents = join(project, sessionId, 'subagents')
      mkdirSync(subagents, { recursive: true })
      written += await writeLines(join(subagents, 'agent-a43dde9.jsonl'), sessionLines(sessionId, next, sessionBytes / 4, start + 60_000, true, shape))
    }
    index++
  }
  return written
}

function writeLines(path: string, lines: string[]): Promise<number> {
  const body = lines.join('\n') + '\n'
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path)
    out.on('error', reject)
    out.end(body, () => resolve(Buffer.byteLength(body)))
  })
}
