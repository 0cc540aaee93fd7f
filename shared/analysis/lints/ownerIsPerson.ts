import { containsPersonName } from './personNames'
import type { LintContext, Lint } from './types'

const EMAIL = /\S+@\S+\.\S+/
const HANDLE = /^@[\w.-]+$/
/** A login rather than a name: lower case joined by a dot or underscore, or ending in digits ("j.doe", "jdoe42"). */
const LOGIN = /^(?:[a-z]+[._][a-z]+|[a-z]+\d+)$/
/** "Alice's squad", "Bob’s team". */
const POSSESSIVE = /^([A-Z][a-z]+)['’]s\b/
/** Two or three capitalized words, each possibly joined by ' or - ("Jane Doe", "Mary-Ann O'Neil"). */
const NAME_WORD = "[A-Z][a-z]*(?:['-][A-Z]?[a-z]+)*"
const FIRST_LAST = new RegExp(`^${NAME_WORD}(?: ${NAME_WORD}){1,2}$`)
const TEAM_WORD = /\b(team|squad|guild|group|crew|tribe|chapter|ops|devops|eng|engineering|platform|infra|infrastructure|sre|devex|security|org|department|services|support|core|data|web|mobile|backend|frontend|api|qa|reliability)\b/i

/** Why an owner string looks like a person rather than a team, or null when it reads as a team. */
export function personLikeOwner(owner: string): string | null {
  const text = owner.trim()
  if (text === '') return 'no owning team is set'
  if (EMAIL.test(text)) return 'the owner is an email address'
  if (HANDLE.test(text) || LOGIN.test(text)) return 'the owner is a handle'
  const possessive = POSSESSIVE.exec(text)
  if (possessive) return 'the owner is named after a person'
  if (/^[A-Z][a-z]+$/.test(text) && containsPersonName(text)) return 'the owner is a first name'
  if (FIRST_LAST.test(text) && !TEAM_WORD.test(text)) return 'the owner reads like a first and last name'
  return null
}

/** A portfolio owned by a person turns into that person's quota, which is what portfolios replace. */
export function ownerIsPerson({ portfolio }: LintContext): Lint | null {
  const why = personLikeOwner(portfolio.owningTeam)
  if (!why) return null
  return {
    code: 'owner-is-person',
    message: `${why[0].toUpperCase()}${why.slice(1)}${portfolio.owningTeam.trim() ? ` ("${portfolio.owningTeam}")` : ''}: a portfolio owned by one person becomes their quota.`,
    fix: 'Set the owning team (e.g. "Platform team").',
  }
}
