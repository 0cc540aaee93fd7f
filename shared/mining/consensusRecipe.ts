import { alignSteps } from './alignment'
import { collapseLoops, type RunSignatures } from './runSignatures'
import type { RunCluster } from './clusterRuns'

/**
 * A cluster's recipe: the steps of its leader's signature that most of its runs have in that
 * order (a step the most common form happens to have by chance drops out), with back the
 * ubiquitous steps (read, search: see runSignatures.ts) that most of the leader's runs have at
 * the same place: `git, doc` becomes `git, read, doc` when nearly every PR review reads between
 * the two, but a read inserted here and there stays out.
 */
export function consensusRecipe(cluster: RunCluster, data: RunSignatures): number[] {
  const { leader } = cluster
  if (Array.from(leader.signature).every((code) => data.ubiquitous[code])) return Array.from(leader.signature)
  const signature = commonSteps(cluster)
  // For each gap (before the first step, between two steps, after the last): how many runs have which ubiquitous steps there.
  const gaps = Array.from({ length: signature.length + 1 }, () => new Map<string, number>())
  for (const run of leader.runs) {
    const collapsed = Array.from(data.collapsed[run])
    const at = alignSteps(collapsed, signature)
    let from = 0
    for (let gap = 0; gap <= signature.length; gap++) {
      const to = gap < signature.length ? (at[gap] ?? from) : collapsed.length
      const inGap = collapseLoops(collapsed.slice(from, to).filter((code) => data.ubiquitous[code])).join(',')
      if (inGap !== '') gaps[gap].set(inGap, (gaps[gap].get(inGap) ?? 0) + 1)
      from = to + 1
    }
  }
  const recipe: number[] = []
  gaps.forEach((counts, gap) => {
    const [most] = [...counts].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1))
    if (most && 2 * most[1] > leader.runs.length) recipe.push(...most[0].split(',').map(Number))
    if (gap < signature.length) recipe.push(signature[gap])
  })
  return recipe
}

/** The leader's steps that more than half of the cluster's runs share in the same order. */
function commonSteps(cluster: RunCluster): number[] {
  const leader = Array.from(cluster.leader.signature)
  const matched = new Int32Array(leader.length)
  for (const group of cluster.groups) {
    const at = alignSteps(Array.from(group.signature), leader)
    at.forEach((index, k) => index !== null && (matched[k] += group.runs.length))
  }
  return leader.filter((_, k) => 2 * matched[k] > cluster.runs)
}
