import { execSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { estimatedTokenBits, MIN_TOKEN_BITS, TOKEN_COMMAND } from './tokenStrength'

describe('estimatedTokenBits', () => {
  it('credits generated tokens with the bits they were made from', () => {
    expect(estimatedTokenBits(randomBytes(16).toString('hex'))).toBe(128) // 32 hex digits
    expect(estimatedTokenBits(randomBytes(32).toString('base64url'))).toBeGreaterThanOrEqual(256)
    expect(estimatedTokenBits(randomBytes(16).toString('base64url'))).toBeGreaterThanOrEqual(MIN_TOKEN_BITS)
  })

  it('finds short and repetitive tokens too weak', () => {
    for (const weak of ['ab', 'hunter2', randomBytes(15).toString('hex'), 'a'.repeat(64), 'abababababababababababababababab']) {
      expect(estimatedTokenBits(weak)).toBeLessThan(MIN_TOKEN_BITS)
    }
  })

  it('never credits more than 6.6 bits a character', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (token) => estimatedTokenBits(token) <= token.length * Math.log2(95)))
  })

  it('the README command makes tokens strong enough', () => {
    for (const readme of ['../README.md', 'README.md']) {
      expect(readFileSync(resolve(import.meta.dirname, readme), 'utf8')).toContain(TOKEN_COMMAND)
    }
    const token = execSync(TOKEN_COMMAND, { encoding: 'utf8' }).trim()
    expect(estimatedTokenBits(token)).toBeGreaterThanOrEqual(MIN_TOKEN_BITS)
  })
})
