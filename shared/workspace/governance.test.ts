import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import type { EnvelopeMove, Portfolio } from '../records/portfolio'
import type { Recipe } from '../records/recipe'
import type { Review } from '../records/review'
import type { ImportProfile } from '../records/settings'
import { Governance } from './governance'

const NOW = '2026-11-29T10:00:00.000Z'

export const samplePortfolio: Portfolio = {
  id: 'pf-1',
  name: 'Incident triage + postmortem',
  description: 'From logs to a fix to a postmortem',
  outcomeTags: ['MTTR'],
  owningTeam: 'SRE team',
  status: 'scaling',
  envelope: { amount: '12000.00', currency: 'USD', period: 'quarter', rollover: true },
  expectedHighCostUSD: '25',
  rules: [{ id: 'r1', target: 'runs', combine: 'all', conditions: [{ field: 'sequence', values: ['logs', 'edit', 'test'] }] }],
  createdAt: NOW,
  updatedAt: NOW,
}

const sampleRecipe: Recipe = {
  id: 'rc-1',
  name: 'Refactor loop',
  description: 'search, read, edit, test until green',
  steps: ['search', 'read', 'edit', 'test'],
  status: 'promoted',
  version: 2,
  history: [{ version: 1, steps: ['read', 'edit', 'test'], name: 'Refactor loop', at: NOW, note: 'mined' }],
  provenance: { minedFromRuns: ['s1', 's2', 's3'], reviewId: 'rv-1', promotedAt: NOW },
  mergedFrom: [],
}

const sampleReview: Review = {
  id: 'rv-1',
  period: '2026-Q3',
  stage: 'scorecards',
  status: 'active',
  facilitator: 'p-abc',
  moveOnRequests: [],
  decisions: [{ portfolioId: 'pf-1', decision: 'grow', nextEnvelope: { amount: '15000', currency: 'USD' }, note: '' }],
  recipeDecisions: [],
  votes: { 'p-abc': [{ subject: 'pf-1', stage: 'decisions' }] },
  voteBudget: 3,
  notes: '',
  startedAt: NOW,
  closedAt: null,
}

const sampleProfile: ImportProfile = {
  id: 'ip-1',
  name: 'Internal gateway',
  headerSignature: 'day,cost,model',
  mapping: { date: 'day', amount: 'cost', model: 'model' },
  dateFormat: 'YYYY-MM-DD',
  provider: 'gateway',
  defaultCurrency: 'USD',
  createdAt: NOW,
}

const sampleMove: EnvelopeMove = {
  id: 'mv-1',
  period: '2026-Q4',
  fromPortfolio: 'pf-1',
  toPortfolio: 'pf-2',
  amount: '500',
  currency: 'USD',
  reason: 'incident season',
  at: NOW,
}

/** Writes on one replica, syncs the update to another and reads there: the full round trip. */
function roundTrip(write: (governance: Governance) => void): Governance {
  const source = new Governance(new Y.Doc())
  write(source)
  const replica = new Governance(new Y.Doc())
  Y.applyUpdate(replica.doc, Y.encodeStateAsUpdate(source.doc))
  return replica
}

describe('governance document', () => {
  test('every record type survives a round trip through Yjs', () => {
    const replica = roundTrip((g) => {
      g.portfolios.put(samplePortfolio)
      g.recipes.put(sampleRecipe)
      g.reviews.put(sampleReview)
      g.importProfiles.put(sampleProfile)
      g.envelopeMoves.put(sampleMove)
      g.annotations.text('run-1', NOW).insert(0, 'Found the root cause in 10 minutes')
      g.annotations.setCategory('run-1', 'prevented-incident', NOW)
      g.annotations.setEvidence('run-1', [{ kind: 'pr', ref: 'org/repo#42' }], NOW)
      g.settings.set('attribution', true)
      g.settings.set('highCostThresholdUSD', '12.50')
    })
    expect(replica.portfolios.get('pf-1')).toEqual(samplePortfolio)
    expect(replica.recipes.get('rc-1')).toEqual(sampleRecipe)
    expect(replica.reviews.get('rv-1')).toEqual(sampleReview)
    expect(replica.importProfiles.get('ip-1')).toEqual(sampleProfile)
    expect(replica.envelopeMoves.get('mv-1')).toEqual(sampleMove)
    expect(replica.annotations.get('run-1')).toMatchObject({
      subject: 'run-1',
      text: 'Found the root cause in 10 minutes',
      valueCategory: 'prevented-incident',
      evidence: [{ kind: 'pr', ref: 'org/repo#42' }],
    })
    expect(replica.annotations.isAnnotated('run-1')).toBe(true)
    expect(replica.annotations.isAnnotated('run-2')).toBe(false)
    const { settings, problems } = replica.settings.read()
    expect(problems).toEqual([])
    expect(settings).toMatchObject({ attribution: true, highCostThresholdUSD: '12.50', currency: 'USD' })
  })

  test('an invalid entry is reported with its reason while valid ones are still read', () => {
    const governance = new Governance(new Y.Doc())
    governance.portfolios.put(samplePortfolio)
    const broken = new Y.Map<unknown>()
    governance.portfolios.map.set('pf-broken', broken)
    broken.set('id', 'pf-broken')
    broken.set('name', '')
    broken.set('envelope', { amount: 'lots', currency: 'USD', period: 'quarter', rollover: false })
    governance.settings.map.set('fiscalYearStartMonth', 13)

    const { records, problems } = governance.portfolios.list()
    expect(records.map((p) => p.id)).toEqual(['pf-1'])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ collection: 'portfolios', id: 'pf-broken' })
    expect(problems[0].message).toMatch(/envelope\.amount/)
    expect(governance.portfolios.get('pf-broken')).toBeUndefined()

    const settings = governance.settings.read()
    expect(settings.settings.fiscalYearStartMonth).toBe(1)
    expect(settings.problems).toEqual([expect.objectContaining({ collection: 'settings', id: 'fiscalYearStartMonth' })])
    expect(governance.problems().map((p) => p.collection).sort()).toEqual(['portfolios', 'settings'])
  })

  test('fields written by a newer version are preserved when this version edits the record', () => {
    const governance = new Governance(new Y.Doc())
    governance.portfolios.put(samplePortfolio)
    governance.portfolios.entry('pf-1')!.set('futureField', { weight: 3 })

    const read = governance.portfolios.get('pf-1') as Portfolio & { futureField?: unknown }
    expect(read.futureField).toEqual({ weight: 3 })
    governance.portfolios.update('pf-1', { name: 'Renamed' })
    expect(governance.portfolios.entry('pf-1')!.get('futureField')).toEqual({ weight: 3 })
    expect(governance.portfolios.get('pf-1')!.name).toBe('Renamed')
  })

  test('two people editing different fields of one portfolio both keep their change', () => {
    const alice = new Governance(new Y.Doc())
    alice.portfolios.put(samplePortfolio)
    const bob = new Governance(new Y.Doc())
    Y.applyUpdate(bob.doc, Y.encodeStateAsUpdate(alice.doc))

    alice.portfolios.update('pf-1', { name: 'Incident response' })
    bob.portfolios.update('pf-1', { owningTeam: 'Platform SRE' })
    Y.applyUpdate(alice.doc, Y.encodeStateAsUpdate(bob.doc))
    Y.applyUpdate(bob.doc, Y.encodeStateAsUpdate(alice.doc))

    for (const side of [alice, bob]) {
      expect(side.portfolios.get('pf-1')).toMatchObject({ name: 'Incident response', owningTeam: 'Platform SRE' })
    }
  })

  test('writing an invalid record throws before anything reaches the document', () => {
    const governance = new Governance(new Y.Doc())
    expect(() => governance.portfolios.put({ ...samplePortfolio, envelope: { ...samplePortfolio.envelope, amount: '1e3' } })).toThrow()
    expect(governance.portfolios.map.size).toBe(0)
  })
})

describe('reviews', () => {
  test('two participants voting at the same moment both keep their votes', () => {
    const facilitator = new Governance(new Y.Doc())
    facilitator.reviews.put({ ...sampleReview, votes: {} })
    const other = new Governance(new Y.Doc())
    Y.applyUpdate(other.doc, Y.encodeStateAsUpdate(facilitator.doc))

    facilitator.reviews.update('rv-1', { votes: { 'p-abc': [{ subject: 'pf-1', stage: 'decisions' }] } })
    other.reviews.update('rv-1', { votes: { 'p-def': [{ subject: 'pf-2', stage: 'decisions' }, { subject: 'rc-1', stage: 'recipes' }] } })
    Y.applyUpdate(facilitator.doc, Y.encodeStateAsUpdate(other.doc))
    Y.applyUpdate(other.doc, Y.encodeStateAsUpdate(facilitator.doc))

    for (const side of [facilitator, other]) {
      expect(side.reviews.get('rv-1')!.votes).toEqual({ 'p-abc': [{ subject: 'pf-1', stage: 'decisions' }], 'p-def': [{ subject: 'pf-2', stage: 'decisions' }, { subject: 'rc-1', stage: 'recipes' }] })
    }
    // Withdrawing a vote removes that participant's key only.
    facilitator.reviews.update('rv-1', { votes: { 'p-def': [{ subject: 'pf-2', stage: 'decisions' }, { subject: 'rc-1', stage: 'recipes' }] } })
    expect(facilitator.reviews.get('rv-1')!.votes).toEqual({ 'p-def': [{ subject: 'pf-2', stage: 'decisions' }, { subject: 'rc-1', stage: 'recipes' }] })
  })
})

describe('review decisions', () => {
  test('decisions on two portfolios and two move-on suggestions made at once all stay', () => {
    const facilitator = new Governance(new Y.Doc())
    facilitator.reviews.put({ ...sampleReview, decisions: [], moveOnRequests: [] })
    const other = new Governance(new Y.Doc())
    Y.applyUpdate(other.doc, Y.encodeStateAsUpdate(facilitator.doc))

    const decision = (portfolioId: string) => ({ portfolioId, decision: 'keep' as const, nextEnvelope: null, note: '' })
    facilitator.reviews.update('rv-1', { decisions: [decision('pf-2')], moveOnRequests: ['p-abc'] })
    other.reviews.update('rv-1', { decisions: [decision('pf-1')], moveOnRequests: ['p-def'] })
    Y.applyUpdate(facilitator.doc, Y.encodeStateAsUpdate(other.doc))
    Y.applyUpdate(other.doc, Y.encodeStateAsUpdate(facilitator.doc))

    for (const side of [facilitator, other]) {
      const review = side.reviews.get('rv-1')!
      expect(review.decisions.map((d) => d.portfolioId)).toEqual(['pf-1', 'pf-2'])
      expect(review.moveOnRequests).toEqual(['p-abc', 'p-def'])
    }
  })
})

describe('outcome notes', () => {
  test('two people adding evidence at the same moment both keep their link, and removal removes one', () => {
    const alice = new Governance(new Y.Doc())
    alice.annotations.text('run-1')
    const bob = new Governance(new Y.Doc())
    Y.applyUpdate(bob.doc, Y.encodeStateAsUpdate(alice.doc))

    alice.annotations.setEvidence('run-1', [{ kind: 'pr', ref: 'org/web#1' }])
    bob.annotations.setEvidence('run-1', [{ kind: 'incident', ref: 'INC-7' }])
    Y.applyUpdate(alice.doc, Y.encodeStateAsUpdate(bob.doc))
    Y.applyUpdate(bob.doc, Y.encodeStateAsUpdate(alice.doc))
    for (const side of [alice, bob]) {
      expect(new Set(side.annotations.get('run-1')!.evidence.map((e) => e.ref))).toEqual(new Set(['org/web#1', 'INC-7']))
    }
    alice.annotations.setEvidence('run-1', alice.annotations.get('run-1')!.evidence.filter((e) => e.ref !== 'INC-7'))
    expect(alice.annotations.get('run-1')!.evidence).toEqual([{ kind: 'pr', ref: 'org/web#1' }])
    expect(alice.annotations.isAnnotated('run-1')).toBe(true)
  })
})

describe('pseudonym salt', () => {
  test('a new workspace gets a random salt once; an existing one keeps its own', () => {
    const first = new Governance(new Y.Doc())
    first.ensurePseudonymSalt()
    const salt = first.settings.read().settings.pseudonymSalt
    expect(salt).toMatch(/^[0-9a-f]{32}$/)
    first.ensurePseudonymSalt()
    expect(first.settings.read().settings.pseudonymSalt).toBe(salt)
    const second = new Governance(new Y.Doc())
    second.ensurePseudonymSalt()
    expect(second.settings.read().settings.pseudonymSalt).not.toBe(salt)
  })
})
