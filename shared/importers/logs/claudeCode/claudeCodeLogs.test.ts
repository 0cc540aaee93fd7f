import { describe, expect, it } from 'vitest'
import { importAgentLogs } from '../importAgentLogs'
import { knownRequestKeys } from '../requestKeys'
import { claudeAssistantLine, memorySources } from '../../../../test/support/memoryLogSources'

const toolCall = (sessionId: string, n: number, name: string, input: object) =>
  claudeAssistantLine({
    sessionId,
    messageId: `msg_${n}`,
    requestId: `req_${n}`,
    timestamp: `2026-05-01T00:0${n}:00.000Z`,
    output: 10,
    content: [{ type: 'tool_use', id: `toolu_${n}`, name, input }],
  })
const slashCommand = (sessionId: string) =>
  JSON.stringify({ type: 'user', sessionId, uuid: 'u-cmd', timestamp: '2026-05-01T00:01:30.000Z', message: { role: 'user', content: '<command-name>/triage</command-name>' } })

/**
 * `claude --resume` writes a new session file that starts with a copy of its parent's lines
 * (same uuid, message.id, requestId and tool_use.id), then goes on with its own.
 */
function resumedPair(parent: string, child: string) {
  const parentLines = [toolCall(parent, 1, 'Grep', { pattern: 'x' }), slashCommand(parent), toolCall(parent, 2, 'Read', { file_path: '/a.ts' })]
  const copied = parentLines.map((line) => line.replaceAll(parent, child))
  return {
    parent: parentLines.join('\n') + '\n',
    child: [...copied, toolCall(child, 3, 'Bash', { command: 'npm test' })].join('\n') + '\n',
  }
}

const summary = (runs: { id: string; requests: number; steps: string[] }[]) => runs.map((run) => [run.id, run.requests, run.steps])

describe('Claude Code: a resumed session', () => {
  it('keeps each tool call and command with the session that first had it, like its requests', async () => {
    const files = resumedPair('1-parent', '2-child')
    const result = await importAgentLogs(memorySources({ 'p/1-parent.jsonl': files.parent, 'p/2-child.jsonl': files.child }))
    expect(summary(result.runs)).toEqual([
      ['1-parent', 2, ['search', 'command', 'read']],
      ['2-child', 1, ['test']],
    ])
  })

  it('does not repeat the steps of a parent imported in an earlier batch', async () => {
    const files = resumedPair('1-parent', '2-child')
    const first = await importAgentLogs(memorySources({ 'p/1-parent.jsonl': files.parent }))
    const known = knownRequestKeys(first.runs)
    const later = await importAgentLogs(memorySources({ 'p/2-child.jsonl': files.child }), { knownRequestKeys: known })
    expect(summary(later.runs)).toEqual([['2-child', 1, ['test']]])
  })

  it('gives a re-imported parent back all its requests and steps when its resumed copy sorts first', async () => {
    const files = resumedPair('1-parent', '0-child')
    const first = await importAgentLogs(memorySources({ 'p/1-parent.jsonl': files.parent }))
    const again = await importAgentLogs(memorySources({ 'p/1-parent.jsonl': files.parent, 'p/0-child.jsonl': files.child }), { knownRequestKeys: knownRequestKeys(first.runs) })
    expect(again.runs.find((run) => run.id === '1-parent')).toEqual(first.runs[0])
    expect(summary(again.runs)).toEqual([
      ['0-child', 1, ['test']],
      ['1-parent', 2, ['search', 'command', 'read']],
    ])
  })
})

describe('Claude Code: lines that cannot be read', () => {
  const at = (minute: number) => `2026-05-01T00:${String(minute).padStart(2, '0')}:00.000Z`

  it('reads a file with a byte order mark, CRLF line ends and trailing blanks without a warning', async () => {
    const prompt = JSON.stringify({ type: 'user', sessionId: 's', uuid: 'u1', timestamp: at(1), message: { role: 'user', content: 'hi' } })
    const answer = claudeAssistantLine({ sessionId: 's', messageId: 'msg_1', requestId: 'req_1', timestamp: at(2), output: 5 })
    const snapshot = JSON.stringify({ type: 'file-history-snapshot', messageId: 'm', snapshot: { timestamp: at(3) } })
    const result = await importAgentLogs(memorySources({ 's.jsonl': `\uFEFF${prompt}\r\n${answer} \r\n${snapshot}\t\r\n` }, 7))
    expect(result.warnings).toEqual([])
    expect(result.runs[0]).toMatchObject({ start: at(1), end: at(3), requests: 1 })
  })

  it('reports assistant lines whose usage cannot be read, once with a count, and a JSON line that is not an object', async () => {
    const unreadable = (n: number) => JSON.stringify({ type: 'assistant', sessionId: 's', timestamp: at(n), message: { id: `msg_${n}`, model: 'claude-sonnet-4-5', usage: { input_tokens: '5' } } })
    const lines = [
      claudeAssistantLine({ sessionId: 's', messageId: 'msg_1', requestId: 'req_1', timestamp: at(1), output: 5 }),
      unreadable(2),
      '[{"type":"assistant","usage":{"input_tokens":1,"output_tokens":1}}]',
      unreadable(4),
    ]
    const result = await importAgentLogs(memorySources({ 's.jsonl': lines.join('\n') + '\n' }))
    expect(result.warnings).toEqual([
      { path: 's.jsonl', line: 3, message: 'not a valid JSON record; line skipped' },
      { path: 's.jsonl', line: 2, message: '2 assistant lines have no readable token usage; not counted (the first is on this line)' },
    ])
    expect(result.runs[0].requests).toBe(1)
  })

  it('reports a line with an implausible token count, negative or not finite, instead of pricing or zeroing it', async () => {
    const answer = (n: number, output: number) => claudeAssistantLine({ sessionId: 's', messageId: `msg_${n}`, requestId: `req_${n}`, timestamp: at(n), output })
    const lines = [
      answer(1, 5),
      answer(2, 7).replace('"output_tokens":7', '"output_tokens":18446744073709551617'),
      answer(3, 7).replace('"output_tokens":7', '"output_tokens":-3'),
      answer(4, 7).replace('"output_tokens":7', '"output_tokens":2.5'),
      // A split line of request 1 (a continuation, read from its bytes) with a huge count.
      answer(1, 5).replace('"output_tokens":5', '"output_tokens":1e999'),
    ]
    const result = await importAgentLogs(memorySources({ 's.jsonl': lines.join('\n') + '\n' }))
    expect(result.warnings).toEqual([
      { path: 's.jsonl', line: 2, message: 'implausible token count: output_tokens is 18446744073709552000; line not counted' },
      { path: 's.jsonl', line: 3, message: 'implausible token count: output_tokens is -3; line not counted' },
      { path: 's.jsonl', line: 4, message: 'implausible token count: output_tokens is 2.5; line not counted' },
      { path: 's.jsonl', line: 5, message: 'implausible token count: output_tokens is Infinity; line not counted' },
    ])
    expect(result.runs[0]).toMatchObject({ requests: 1, tokens: { output: 5 } })
    expect(Number(result.runs[0].costUSD)).toBeLessThan(0.01)
  })

  it('does not warn about record types ignored by design', async () => {
    const lines = [
      '{"type":"summary","summary":"title","leafUuid":"u"}',
      JSON.stringify({ type: 'file-history-snapshot', messageId: 'm', snapshot: { messageId: 'm', trackedFileBackups: {}, timestamp: at(1) }, isSnapshotUpdate: false }),
      JSON.stringify({ type: 'progress', sessionId: 's', timestamp: at(1), data: { usage: { anything: 1 } } }),
      JSON.stringify({ type: 'user', sessionId: 's', timestamp: at(2), message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't' }] }, toolUseResult: { usage: { input_tokens: 9, output_tokens: 9 } } }),
      claudeAssistantLine({ sessionId: 's', messageId: 'msg_err', timestamp: at(3), output: 0, model: '<synthetic>' }),
      claudeAssistantLine({ sessionId: 's', messageId: 'msg_1', requestId: 'req_1', timestamp: at(4), output: 5 }),
    ]
    const result = await importAgentLogs(memorySources({ 's.jsonl': lines.join('\n') + '\n' }))
    expect(result.warnings).toEqual([])
    expect(result.runs[0].requests).toBe(1)
  })
})
