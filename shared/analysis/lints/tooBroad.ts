import type { Run } from '../../records/run'
import type { LintContext, Lint } from './types'

const CATCH_ALL_NAME = /\b(general|misc|miscellaneous|everything|catch[- ]?all|other|various|ad[- ]?hoc|default|anything)\b/i
/** Below this many runs the step mix says too little to call a portfolio broad. */
const MIN_RUNS = 10
const MAX_NORMALIZED_ENTROPY = 0.7

/** Step-to-step transitions of a run, repeats collapsed ("edit, edit, test" → edit→test). */
function bigrams(run: Run): string[] {
  const steps = run.steps.filter((step, i) => i === 0 || step !== run.steps[i - 1])
  return steps.slice(1).map((step, i) => `${steps[i]}\u0000${step}`)
}

/**
 * Entropy of the portfolio's step transitions relative to every transition the workspace's step
 * vocabulary allows: a focused workflow ("logs → edit → test → doc") uses a few of them, a
 * catch-all spreads over most of them. In [0, 1]; null when there is too little to tell.
 */
export function stepEntropy(runs: readonly Run[], stepVocabulary: number): number | null {
  if (runs.length < MIN_RUNS || stepVocabulary < 2) return null
  const counts = new Map<string, number>()
  for (const run of runs) for (const pair of bigrams(run)) counts.set(pair, (counts.get(pair) ?? 0) + 1)
  const total = [...counts.values()].reduce((a, b) => a + b, 0)
  if (total === 0) return null
  let entropy = 0
  for (const count of counts.values()) entropy -= (count / total) * Math.log2(count / total)
  return entropy / Math.log2(stepVocabulary * (stepVocabulary - 1))
}

/** "Several distinct recipes and many one-offs": calibrated on generated data (lints.test.ts). */
const MAX_WORKFLOWS = 2
const MAX_ONE_OFF_SHARE = 0.25

export function tooBroad({ portfolio, runs, stepVocabulary, workflowMix }: LintContext): Lint | null {
  const fix = 'Split it into a few named workflows with their own outcome (e.g. "incident triage + postmortem"), each with narrower rules.'
  if (CATCH_ALL_NAME.test(portfolio.name)) {
    return { code: 'too-broad', message: `"${portfolio.name}" is named like a catch-all: nobody can say which outcome it moves.`, fix }
  }
  if (runs.length >= MIN_RUNS) {
    const mix = workflowMix()
    if (mix.workflows > MAX_WORKFLOWS && mix.oneOffShare > MAX_ONE_OFF_SHARE) {
      return {
        code: 'too-broad',
        message: `Its runs follow ${mix.workflows} distinct recurring workflows, and ${Math.round(mix.oneOffShare * 100)}% are one-offs: it bundles unrelated work.`,
        fix,
      }
    }
  }
  const entropy = stepEntropy(runs, stepVocabulary)
  if (entropy !== null && entropy > MAX_NORMALIZED_ENTROPY) {
    return {
      code: 'too-broad',
      message: `Its runs spread over many unrelated step patterns (step-transition entropy ${entropy.toFixed(2)}, above ${MAX_NORMALIZED_ENTROPY}): it bundles unrelated work.`,
      fix,
    }
  }
  return null
}
