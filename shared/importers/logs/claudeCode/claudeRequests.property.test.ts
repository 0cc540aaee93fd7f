import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hexOfWordPair } from '../../../hash/hexWords'
import { ClaudeRequests } from './claudeRequests'

const word = fc.integer({ min: 0, max: 0xffffffff })
const session = fc.constantFrom('s1', 's2', 's3')

describe('ClaudeRequests.countedElsewhere', () => {
  it('tells a request another run counted, by its key as runs store it (16 hex digits), whatever its words', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(word, word, session), { maxLength: 40 }), fc.array(fc.tuple(word, word, session), { maxLength: 40 }), (stored, asked) => {
        const known = new Map(stored.map(([high, low, owner]) => [hexOfWordPair(high, low), owner]))
        const requests = new ClaudeRequests(known)
        // Asked both about stored keys (under any session) and about others.
        for (const [high, low, sessionId] of [...stored, ...asked]) {
          const owner = known.get(hexOfWordPair(high, low))
          expect(requests.countedElsewhere(sessionId, high, low)).toBe(owner !== undefined && owner !== sessionId)
          // Words as signed integers (as some hashes give them) are the same key.
          expect(requests.countedElsewhere(sessionId, high | 0, low | 0)).toBe(owner !== undefined && owner !== sessionId)
        }
      }),
    )
  })

  it('matches no request by a stored key of another form (upper case, another length)', () => {
    const key = hexOfWordPair(0xdeadbeef, 0x01234567)
    const requests = new ClaudeRequests(new Map([[key.toUpperCase(), 'other'], [key.slice(1), 'other'], [`${key}0`, 'other']]))
    expect(requests.countedElsewhere('mine', 0xdeadbeef, 0x01234567)).toBe(false)
  })
})
