import { similarity, totalWeight } from './alignment'

/** Runs with one signature. */
export interface SignatureGroup {
  signature: Int32Array
  weight: number
  /** Run indexes, ascending. */
  runs: number[]
}

export interface RunCluster {
  /** The group that founded it: its most common signature. */
  leader: SignatureGroup
  /** The leader first, then the groups that joined, in the order they joined. */
  groups: SignatureGroup[]
  runs: number
}

export interface ClusterOptions {
  /** Least similarity to a cluster's leader for a group to join it. */
  minSimilarity: number
  /** Least runs of one signature for it to found a cluster. */
  minFounderRuns: number
  /** Least similarity of a smaller cluster's leader to a larger one's for the two to merge. */
  minMergeSimilarity: number
}

/**
 * Leader clustering of signature groups (process-mining trace clustering over a normalised
 * trace, see README): groups go most runs first, each joins the most similar leader at or above
 * minSimilarity, else founds a cluster if it has enough runs of its own, else stays out (a
 * one-off). Cost: distinct signatures × clusters, each comparison a few dozen cells, and only
 * common signatures found clusters, so the clusters stay few.
 */
export function clusterRuns(signatures: readonly Int32Array[], weights: Float64Array, options: ClusterOptions): RunCluster[] {
  const clusters: RunCluster[] = []
  for (const group of signatureGroups(signatures, weights)) {
    if (group.signature.length === 0) continue
    // A generic signature (ubiquitous steps only, weight 0) is never similar to another: it only groups with itself.
    const best = mostSimilar(group, clusters, (cluster) => cluster.leader, weights, options.minSimilarity)
    if (best) {
      best.groups.push(group)
      best.runs += group.runs.length
    } else if (group.runs.length >= options.minFounderRuns) {
      clusters.push({ leader: group, groups: [group], runs: group.runs.length })
    }
  }
  return mergeFragments(clusters, weights, options.minMergeSimilarity)
}

/**
 * Clusters founded by a fragment of a workflow (its runs skipped a step, or had a subagent in
 * the middle, often enough to share a signature of their own) join the larger cluster their
 * leader is closest to, when close enough. Larger clusters go first, so a fragment joins the
 * workflow, never the other way round.
 */
function mergeFragments(clusters: RunCluster[], weights: Float64Array, minSimilarity: number): RunCluster[] {
  const bySize = [...clusters].sort((a, b) => b.runs - a.runs || clusters.indexOf(a) - clusters.indexOf(b))
  const kept: RunCluster[] = []
  for (const cluster of bySize) {
    const into = mostSimilar(cluster.leader, kept, (other) => other.leader, weights, minSimilarity)
    if (!into) {
      kept.push(cluster)
      continue
    }
    into.groups.push(...cluster.groups)
    into.runs += cluster.runs
  }
  return kept
}

/** The candidate whose leader is most similar to the group, at least minSimilarity; the first among equals. */
function mostSimilar<T>(group: SignatureGroup, candidates: readonly T[], leaderOf: (candidate: T) => SignatureGroup, weights: Float64Array, minSimilarity: number): T | null {
  let best: T | null = null
  let bestSimilarity = minSimilarity
  for (const candidate of candidates) {
    const leader = leaderOf(candidate)
    // Dice cannot exceed 2·min/(sum): skip the table when the weights alone rule it out.
    if ((2 * Math.min(leader.weight, group.weight)) / (leader.weight + group.weight) < bestSimilarity) continue
    const value = similarity(group.signature, leader.signature, weights, group.weight, leader.weight)
    if (value > bestSimilarity || (value === bestSimilarity && !best)) {
      best = candidate
      bestSimilarity = value
    }
  }
  return best
}

/** Runs grouped by signature, most runs first, ties by signature: the same for any run order. */
function signatureGroups(signatures: readonly Int32Array[], weights: Float64Array): SignatureGroup[] {
  // Keyed by the codes as characters, cheaper to make than their decimal text (while codes fit a character: labels are few).
  const asCharacters = weights.length <= 0xffff
  const byKey = new Map<string, SignatureGroup>()
  signatures.forEach((signature, run) => {
    const key = asCharacters ? String.fromCharCode.apply(null, signature as unknown as number[]) : signature.join(',')
    const group = byKey.get(key)
    if (group) group.runs.push(run)
    else byKey.set(key, { signature, weight: totalWeight(signature, weights), runs: [run] })
  })
  // Ties go by the signature's decimal text, made once a group.
  return [...byKey.values()]
    .map((group) => ({ group, text: group.signature.join(',') }))
    .sort((a, b) => b.group.runs.length - a.group.runs.length || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
    .map(({ group }) => group)
}
