/**
 * Sessions of a team with a few recurring workflows hidden among one-offs, with the noise real
 * sessions have: extra reads and searches inserted anywhere, edit/test loops repeated a varying
 * number of times, a step skipped now and then, a subagent in the middle, a more expensive model
 * on one step. Each run knows the workflow it was generated from, so mining tests can score
 * coverage and purity against a known answer. Used by the mining tests and the benchmark.
 */
import { mulberry32 } from './seededRandom'

export interface GeneratedRun {
  id: string
  steps: string[]
  /** The model of each step. */
  stepModels: string[]
  costUSD: string
  /** The workflow it was generated from, or null for a one-off. */
  workflow: string | null
}

/** A workflow as a list of stages; a stage of several steps is a loop repeated 1 to 3 times. */
export interface WorkflowShape {
  name: string
  stages: string[][]
  /** Typical cost per run in USD. */
  cost: number
}

/** The four workflows of the 232-session case. */
export const TEAM_WORKFLOWS: readonly WorkflowShape[] = [
  { name: 'refactor + tests', stages: [['plan'], ['read'], ['edit', 'test'], ['git']], cost: 3 },
  { name: 'incident + postmortem', stages: [['logs'], ['search'], ['read'], ['edit', 'test'], ['doc']], cost: 5 },
  { name: 'dependency upgrade', stages: [['shell'], ['build'], ['edit', 'build', 'test'], ['git']], cost: 2 },
  { name: 'PR review', stages: [['git'], ['read'], ['doc']], cost: 1 },
]

const ONE_OFF_LABELS = ['read', 'search', 'edit', 'test', 'web', 'shell', 'plan', 'git', 'build', 'doc', 'mcp', 'logs', 'subagent']
const NOISE_LABELS = ['read', 'search']
const USUAL_MODEL = 'claude-sonnet-4-5'
const EXPENSIVE_MODEL = 'claude-opus-4-1'

export interface GenerationOptions {
  seed: number
  /** Runs per workflow. */
  runsPerWorkflow: number
  oneOffs: number
  workflows?: readonly WorkflowShape[]
  /** Chance of an extra read or search after each step (default 0.25). */
  insertion?: number
  /** Chance that a single-step stage is skipped (default 0.08). */
  skip?: number
  /** Chance of a subagent in the middle (default 0.2). */
  subagent?: number
  /** Chance that one step of a run uses the expensive model (default 0.15). */
  expensiveStep?: number
}

/** Runs of every workflow and the one-offs, shuffled, with ids that do not give the answer away. */
export function generateTeamRuns(options: GenerationOptions): GeneratedRun[] {
  const random = mulberry32(options.seed)
  const workflows = options.workflows ?? TEAM_WORKFLOWS
  const runs: Omit<GeneratedRun, 'id'>[] = []
  for (const workflow of workflows) {
    for (let i = 0; i < options.runsPerWorkflow; i++) runs.push(workflowRun(workflow, random, options))
  }
  for (let i = 0; i < options.oneOffs; i++) runs.push(oneOffRun(random))
  return shuffle(runs, random).map((run, i) => ({ id: `run-${String(i).padStart(6, '0')}`, ...run }))
}

function workflowRun(workflow: WorkflowShape, random: () => number, options: GenerationOptions): Omit<GeneratedRun, 'id'> {
  const insertion = options.insertion ?? 0.25
  const skip = options.skip ?? 0.08
  const steps: string[] = []
  const middle = Math.floor(workflow.stages.length / 2)
  workflow.stages.forEach((stage, index) => {
    if (index === middle && random() < (options.subagent ?? 0.2)) steps.push('subagent')
    if (stage.length === 1 && random() < skip) return
    const repeats = stage.length > 1 ? 1 + Math.floor(random() * 3) : 1
    for (let r = 0; r < repeats; r++) {
      for (const step of stage) {
        steps.push(step)
        if (random() < insertion) steps.push(pick(NOISE_LABELS, random))
      }
    }
  })
  const models = steps.map(() => USUAL_MODEL)
  let cost = workflow.cost * (0.7 + random() * 0.6)
  if (random() < (options.expensiveStep ?? 0.15)) {
    models[Math.floor(random() * models.length)] = EXPENSIVE_MODEL
    cost *= 3
  }
  return { ...collapsed(steps, models), costUSD: cost.toFixed(6), workflow: workflow.name }
}

function oneOffRun(random: () => number): Omit<GeneratedRun, 'id'> {
  const length = 2 + Math.floor(random() * 9)
  const steps = Array.from({ length }, () => pick(ONE_OFF_LABELS, random))
  return { ...collapsed(steps, steps.map(() => USUAL_MODEL)), costUSD: (0.2 + random() * 3).toFixed(6), workflow: null }
}

/** Consecutive repeats collapse, as the importer does. */
function collapsed(steps: string[], models: string[]) {
  const keep = steps.map((step, i) => i === 0 || step !== steps[i - 1])
  return { steps: steps.filter((_, i) => keep[i]), stepModels: models.filter((_, i) => keep[i]) }
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j], copy[i]]
  }
  return copy
}
