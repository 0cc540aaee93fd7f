import { describe, expect, it } from 'vitest'
import { importAgentLogs } from './importAgentLogs'
import { claudeAssistantLine, memorySources } from '../../../test/support/memoryLogSources'

describe('AgentLogAssembler', () => {
  it('reports the requests of a session without a valid timestamp instead of dropping them silently', async () => {
    const line = (n: number) => claudeAssistantLine({ sessionId: 's', messageId: `msg_${n}`, requestId: `req_${n}`, timestamp: 'soon', output: 5 })
    const result = await importAgentLogs(memorySources({ 'p/s.jsonl': `${line(1)}\n${line(2)}\n` }))
    expect(result.runs).toEqual([])
    expect(result.warnings).toEqual([{ path: 'p/s.jsonl', line: 0, message: '2 requests not imported: no line of the session has a valid timestamp' }])
  })
})
