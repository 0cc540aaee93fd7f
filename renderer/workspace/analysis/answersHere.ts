import type { answer } from './analysisAnswers'

type Answer = typeof answer

/*
 * The analysis on the window's own thread, for where the worker cannot answer (a platform
 * without workers, unit tests, a worker whose script failed). Loaded only then: it is most of
 * the app's code, and a window whose worker answers (or that shows an answer kept on the
 * device) draws sooner without compiling it.
 */
let loaded: Answer | null = null
let loading: Promise<Answer> | null = null

export function loadAnswersHere(): Promise<Answer> {
  loading ??= import('./analysisAnswers').then((module) => (loaded = module.answer))
  return loading
}

/** The analysis here once loaded (a view then answers as it draws), else null. */
export function answersHereIfLoaded(): Answer | null {
  return loaded
}
