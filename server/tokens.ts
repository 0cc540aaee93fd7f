import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { estimatedTokenBits, MIN_TOKEN_BITS, TOKEN_COMMAND } from './tokenStrength'

/** What one token grants: one workspace (its governance and ledger documents), read-write or read-only. */
export const TokenGrant = z.object({
  // A "/" would let a workspace named "A/ledger" alias workspace A's ledger document.
  workspace: z.string().min(1).refine((id) => !id.includes('/'), 'a workspace id cannot contain "/"'),
  access: z.enum(['rw', 'ro']),
})
export type TokenGrant = z.infer<typeof TokenGrant>

/** `{ "<token>": { "workspace": "<workspace id>", "access": "rw" | "ro" } }` */
export type TokenTable = Record<string, TokenGrant>

/**
 * Validates a token table. Problems name the entry by its position (and, given the file's
 * text, its line), never by its key: the key is the secret.
 */
export function parseTokenTable(value: unknown, source: string, text?: string): TokenTable {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${source}: expected an object of { "<token>": { "workspace": "…", "access": "rw" | "ro" } }`)
  }
  const table: TokenTable = {}
  Object.entries(value).forEach(([token, grant], index) => {
    const where = `${source}${lineSuffix(text, token)}: entry ${index + 1}`
    if (token.length === 0) throw new Error(`${where} has an empty token`)
    const bits = estimatedTokenBits(token)
    if (bits < MIN_TOKEN_BITS) {
      throw new Error(`${where} has a token too easy to guess (about ${bits} bits of randomness, at least ${MIN_TOKEN_BITS} needed); make one with: ${TOKEN_COMMAND}`)
    }
    const parsed = TokenGrant.safeParse(grant)
    if (!parsed.success) {
      const reason = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`).join('; ')
      throw new Error(`${where} is invalid (${reason})`)
    }
    table[token] = parsed.data
  })
  return table
}

export function readTokenFile(path: string): TokenTable {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new Error(`cannot read token file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    // JSON.parse messages quote the offending text, which may be part of a token.
    throw new Error(`token file ${path} is not valid JSON`)
  }
  return parseTokenTable(value, `token file ${path}`, text)
}

/** " line N" for the first line where `token` appears, as JSON writes it, in the file's text. */
function lineSuffix(text: string | undefined, token: string): string {
  const at = text?.indexOf(JSON.stringify(token)) ?? -1
  return at < 0 ? '' : ` line ${text!.slice(0, at).split('\n').length}`
}
