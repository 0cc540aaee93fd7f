import { describe, expect, it } from 'vitest'
import { explainMatches } from './explainMatch'
import { candidateKey, mineRecipes, type MinableRun } from './mineRecipes'
import { mulberry32 } from '../../test/support/seededRandom'

const REFACTOR = ['search', 'read', 'edit', 'test', 'edit', 'test']
const TRIAGE = ['logs', 'read', 'edit', 'test', 'doc']
const NOISE_LABELS = ['read', 'search', 'build', 'git', 'plan', 'web', 'shell', 'edit', 'test']

function runs(prefix: string, count: number, steps: string[], costUSD = '1.00'): MinableRun[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${String(i).padStart(3, '0')}`, steps, costUSD }))
}

/** Random steps with one to three "edit, test" pairs dropped in, consecutive duplicates collapsed. */
function noisySteps(random: () => number, core: string[] = []): string[] {
  const pick = () => NOISE_LABELS[Math.floor(random() * NOISE_LABELS.length)]
  const steps: string[] = []
  const pairs = 1 + Math.floor(random() * 3)
  for (let i = 0; i < pairs; i++) steps.push(...Array.from({ length: 1 + Math.floor(random() * 3) }, pick), 'edit', 'test')
  const at = Math.floor(random() * (steps.length + 1))
  steps.splice(at, 0, ...core)
  return steps.filter((step, i) => step !== steps[i - 1])
}

function noisyWorkspace(): MinableRun[] {
  const random = mulberry32(7)
  const make = (prefix: string, count: number, core: string[], cost: () => string) =>
    Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i}`, steps: noisySteps(random, core), costUSD: cost() }))
  return [
    ...make('noise', 150, [], () => (0.5 + random()).toFixed(4)),
    ...make('refactor', 30, REFACTOR, () => (3 + random() * 2).toFixed(4)),
    ...make('triage', 20, TRIAGE, () => (4 + random() * 4).toFixed(4)),
  ]
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j], copy[i]]
  }
  return copy
}

describe('mineRecipes', () => {
  it('finds the two recipes and sets the shared "edit, test" aside as a common pattern', () => {
    const result = mineRecipes([...runs('r', 5, REFACTOR), ...runs('t', 5, TRIAGE), ...runs('e', 5, ['edit', 'test'])])
    expect(result.candidates.map((c) => c.steps)).toEqual(expect.arrayContaining([REFACTOR, TRIAGE]))
    expect(result.candidates.map((c) => c.steps)).not.toContainEqual(['edit', 'test'])
    expect(result.commonPatterns.map((p) => p.key)).toContain('edit>test')
    const triage = result.candidates.find((c) => c.key === candidateKey(TRIAGE))!
    expect(triage.support).toBe(5)
    expect(triage.runs).toEqual(['t-000', 't-001', 't-002', 't-003', 't-004'])
  })

  it('ranks the real recipes above the trivial "edit, test" in noisy runs', () => {
    const result = mineRecipes(noisyWorkspace())
    const top = result.candidates.slice(0, 2).map((c) => c.steps)
    expect(top).toEqual(expect.arrayContaining([REFACTOR, TRIAGE]))
    expect(result.candidates.map((c) => c.key)).not.toContain('edit>test')
    expect(result.commonPatterns).toContainEqual({ key: 'edit>test', steps: ['edit', 'test'], support: 200, reason: 'chance' })
    const refactor = result.candidates.find((c) => c.key === candidateKey(REFACTOR))!
    expect(refactor.support).toBeGreaterThanOrEqual(30)
    expect(refactor.runs.filter((id) => id.startsWith('refactor-'))).toHaveLength(30)
  })

  it('gives the same result whatever order the runs arrive in', () => {
    const workspace = noisyWorkspace()
    const random = mulberry32(99)
    expect(mineRecipes(shuffled(workspace, random))).toEqual(mineRecipes(workspace))
    expect(mineRecipes(shuffled(workspace, random))).toEqual(mineRecipes(workspace))
  })

  it('allows at most maxGap other steps between pattern steps', () => {
    const oneBetween = ['shell', 'web', 'read', 'plan'].map((between, i) => ({ id: `g${i}`, steps: ['logs', between, 'edit'], costUSD: '1' }))
    expect(mineRecipes(oneBetween, { maxGap: 0 }).candidates).toEqual([])
    expect(mineRecipes(oneBetween, { maxGap: 1 }).candidates.map((c) => c.steps)).toEqual([['logs', 'edit']])

    const twoBetween = [['shell', 'web'], ['read', 'plan'], ['git', 'build'], ['mcp', 'search']].map((between, i) => ({ id: `g${i}`, steps: ['logs', ...between, 'edit'], costUSD: '1' }))
    expect(mineRecipes(twoBetween, { maxGap: 1 }).candidates).toEqual([])
    expect(mineRecipes(twoBetween, { maxGap: 2 }).candidates.map((c) => c.steps)).toEqual([['logs', 'edit']])
    expect(explainMatches({ steps: ['logs', 'edit'], runs: ['g0'] }, twoBetween, 2)).toEqual([{ runId: 'g0', indexes: [0, 3] }])
    expect(explainMatches({ steps: ['logs', 'edit'], runs: ['g0'] }, twoBetween, 1)).toEqual([])
  })

  it('keeps closed patterns only, and lists a shorter closed one as a variant of its maximal workflow', () => {
    const only = mineRecipes(runs('a', 5, ['plan', 'edit', 'test']), { minSupportShare: 0 })
    expect(only.candidates.map((c) => c.steps)).toEqual([['plan', 'edit', 'test']])
    expect(only.candidates[0].variants).toEqual([])
    expect(only.commonPatterns).toEqual([])

    const withShort = mineRecipes([...runs('a', 5, ['plan', 'edit', 'test']), ...runs('b', 3, ['plan', 'edit'])], { minSupportShare: 0 })
    expect(withShort.candidates).toHaveLength(1)
    expect(withShort.candidates[0].variants).toEqual([{ key: 'plan>edit', steps: ['plan', 'edit'], support: 8 }])
  })

  it('groups patterns one edit apart whose runs overlap, and keeps them apart otherwise', () => {
    const workspace = [
      ...runs('edit', 1, ['logs', 'read', 'edit', 'doc']),
      ...runs('search', 1, ['logs', 'read', 'search', 'doc']),
      ...runs('both', 3, ['logs', 'read', 'edit', 'search', 'doc']),
    ]
    const options = { minSupportRuns: 4, minSupportShare: 0 }
    const grouped = mineRecipes(workspace, options)
    expect(grouped.candidates.map((c) => c.steps)).toEqual([['logs', 'read', 'edit', 'doc']])
    expect(grouped.candidates[0].variants.map((v) => v.steps)).toContainEqual(['logs', 'read', 'search', 'doc'])

    const apart = mineRecipes(workspace, { ...options, variantOverlap: 0.9 })
    expect(apart.candidates.map((c) => c.steps)).toEqual([
      ['logs', 'read', 'edit', 'doc'],
      ['logs', 'read', 'search', 'doc'],
    ])
  })

  it('applies both support thresholds: a count of runs and a share of runs', () => {
    const workspace = [...runs('a', 4, ['plan', 'edit']), ...runs('z', 96, ['web'])]
    expect(mineRecipes(workspace).candidates).toEqual([])
    expect(mineRecipes(workspace, { minSupportShare: 0.04 }).minSupport).toBe(4)
    expect(mineRecipes(workspace, { minSupportShare: 0.04 }).candidates.map((c) => c.steps)).toEqual([['plan', 'edit']])
    expect(mineRecipes(workspace, { minSupportShare: 0.04, minSupportRuns: 5 }).candidates).toEqual([])
  })

  it('summarizes cost exactly, counts outcome notes and names the portfolios', () => {
    const workspace = ['0.10', '0.20', '0.30', '0.40', '10.000001'].map((costUSD, i) => ({ id: `r${i}`, steps: ['logs', 'edit', 'test'], costUSD }))
    const [candidate] = mineRecipes(workspace, {
      isAnnotated: (id) => id === 'r1',
      portfolioOf: (id) => (id === 'r0' ? null : id === 'r4' ? 'p-incident' : 'p-refactor'),
    }).candidates
    expect(candidate.costUSD).toEqual({ median: '0.3', p90: '10.000001', total: '11.000001' })
    expect(candidate.costShare).toBe(1)
    expect(candidate.annotatedRuns).toBe(1)
    expect(candidate.portfolios).toEqual([
      { portfolioId: 'p-refactor', runs: 3 },
      { portfolioId: 'p-incident', runs: 1 },
      { portfolioId: null, runs: 1 },
    ])
  })

  it('takes the mean of the two middle runs for an even count', () => {
    const workspace = ['1', '2', '3', '4'].map((costUSD, i) => ({ id: `r${i}`, steps: ['read', 'edit'], costUSD }))
    expect(mineRecipes(workspace).candidates[0].costUSD).toEqual({ median: '2.5', p90: '4', total: '10' })
  })

  it('stops at its work budget on long repetitive runs, and says so', () => {
    const random = mulberry32(3)
    const loop = ['read', 'edit', 'test', 'build']
    const repetitive = Array.from({ length: 60 }, (_, i) => {
      const steps = ['read']
      while (steps.length < 80) {
        const next = loop[Math.floor(random() * loop.length)]
        if (next !== steps[steps.length - 1]) steps.push(next)
      }
      return { id: `long-${i}`, steps, costUSD: '1' }
    })
    const started = Date.now()
    const result = mineRecipes(repetitive)
    expect(result.truncated).toBe(true)
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(mineRecipes(runs('r', 5, REFACTOR)).truncated).toBe(false)
  })

  it('returns nothing for no runs', () => {
    expect(mineRecipes([])).toMatchObject({ totalRuns: 0, candidates: [], commonPatterns: [] })
  })
})
