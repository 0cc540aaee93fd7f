import type { FrequentPattern } from './prefixSpan'
import { isSubsequence, labelMask, runJaccard, withinOneEdit } from './patternRelations'

export interface VariantGroup {
  /**
   * What the group is shown as: the member that best balances support and specificity
   * (runs × step weight) among those not found inside another, distinct workflow.
   */
  readonly shown: FrequentPattern
  /** The other near-identical forms of the same workflow. */
  readonly variants: FrequentPattern[]
}

export interface Grouping {
  groups: VariantGroup[]
  /** Patterns inside a longer workflow without being a near-identical form of one ("edit, test"). */
  fragments: FrequentPattern[]
}

interface Member {
  pattern: FrequentPattern
  mask: number
}

/**
 * Groups closed patterns into distinct workflows, longest first. A pattern joins the group
 * whose founding pattern it is near-identical to: one a subsequence of the other or one edit
 * apart, with run sets overlapping at least minJaccard. Otherwise a pattern inside some
 * workflow already found is a fragment of it, and any other pattern founds a new workflow, so
 * founders are the maximal patterns. A short pattern that recurs everywhere overlaps no single
 * workflow enough to join it, and so it never stands for one. A member that also sits inside
 * another group's founder, more than one edit away from it, is shared by two workflows: it
 * stays a variant and is never what its group is shown as.
 */
export function groupVariants(patterns: readonly FrequentPattern[], minJaccard: number, stepWeights: Float64Array): Grouping {
  const ordered = [...patterns].sort((a, b) => b.codes.length - a.codes.length || b.runs.length - a.runs.length || compareCodes(a.codes, b.codes))
  const groups: { founder: FrequentPattern; members: Member[] }[] = []
  const fragments: FrequentPattern[] = []
  for (const pattern of ordered) {
    const member = { pattern, mask: labelMask(pattern.codes) }
    const group = nearestGroup(groups, pattern, minJaccard)
    if (group) group.members.push(member)
    else if (groups.some((g) => g.members.some((other) => contains(other, member)))) fragments.push(pattern)
    else groups.push({ founder: pattern, members: [member] })
  }
  const weight = (pattern: FrequentPattern) => pattern.runs.length * pattern.codes.reduce((sum, code) => sum + stepWeights[code], 0)
  const heaviestFirst = (a: FrequentPattern, b: FrequentPattern) => weight(b) - weight(a) || b.codes.length - a.codes.length || compareCodes(a.codes, b.codes)
  const founders = groups.map((group) => group.members[0])
  return {
    groups: groups.map(({ members }, index) => {
      const specific = (member: Member) =>
        founders.every((founder, other) => other === index || !contains(founder, member) || withinOneEdit(founder.pattern.codes, member.pattern.codes))
      const shown = members.filter(specific).map((m) => m.pattern).sort(heaviestFirst)[0]
      return { shown, variants: members.map((m) => m.pattern).filter((pattern) => pattern !== shown) }
    }),
    fragments,
  }
}

function nearestGroup<G extends { founder: FrequentPattern }>(groups: G[], pattern: FrequentPattern, minJaccard: number): G | undefined {
  let best: G | undefined
  let bestJaccard = minJaccard
  for (const group of groups) {
    const { codes, runs } = group.founder
    // The smaller run set over the larger bounds the Jaccard index: skip the merge walk when it cannot win.
    if (Math.min(runs.length, pattern.runs.length) / Math.max(runs.length, pattern.runs.length) < bestJaccard) continue
    if (!isSubsequence(pattern.codes, codes) && !withinOneEdit(pattern.codes, codes)) continue
    const jaccard = runJaccard(pattern.runs, runs)
    if (jaccard > bestJaccard || (jaccard === bestJaccard && !best)) {
      best = group
      bestJaccard = jaccard
    }
  }
  return best
}

function contains(outer: Member, inner: Member): boolean {
  return (inner.mask & ~outer.mask) === 0 && isSubsequence(inner.pattern.codes, outer.pattern.codes)
}

function compareCodes(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i]
  return a.length - b.length
}
