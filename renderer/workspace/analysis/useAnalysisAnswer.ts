import { useEffect, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { useWorkspace } from '../WorkspaceContext'
import { analysisVersion, subscribeToAnalysis } from './analysisVersion'
import type { AnalysisAnswers, AnalysisQuestion } from './analysisProtocol'
import { analysisServiceFor } from './analysisService'
import { answersHereIfLoaded, loadAnswersHere } from './answersHere'

export interface AnalysisAnswer<T> {
  /**
   * The latest answer to this question; while the workspace's change is taken in, the previous
   * one. Null until the first (and after another question is asked: no answer to the old one is shown).
   */
  answer: T | null
  error: string | null
  /** A newer answer is being computed. */
  updating: boolean
}

interface Received<T> {
  question: string
  version: number
  answer: T | null
  error: string | null
}

/**
 * A question about the workspace, answered by the analysis worker and asked again whenever
 * what the analysis reads changes. Without a worker (unit tests) it is answered right here, once
 * the analysis is loaded on this thread (answersHere.ts).
 */
export function useAnalysisAnswer<Q extends AnalysisQuestion>(question: Q): AnalysisAnswer<AnalysisAnswers[Q['type']]> {
  type T = AnalysisAnswers[Q['type']]
  const workspace = useWorkspace()
  const version = useSyncExternalStore(
    (listener) => subscribeToAnalysis(workspace, listener),
    () => analysisVersion(workspace),
  )
  const service = analysisServiceFor(workspace)
  const asked = JSON.stringify(question)
  const key = `${version} ${asked}`
  const [received, setReceived] = useState<Received<T> | null>(null)

  const answerHere = service ? null : answersHereIfLoaded()
  const [, setLoadedHere] = useState(false)
  useEffect(() => {
    if (!service && !answerHere) void loadAnswersHere().then(() => setLoadedHere(true))
  }, [service, answerHere])
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the question and the workspace's version
  const here = useMemo(() => (answerHere ? settle(() => answerHere(workspace, question)) : null), [answerHere, workspace, key])
  // Asked before the window paints what it has (a layout effect runs then), not after.
  useLayoutEffect(() => {
    if (!service) return
    let current = true
    service.ask(question).then(
      (answer) => current && setReceived({ question: asked, version, answer, error: null }),
      (error: Error) => current && setReceived({ question: asked, version, answer: null, error: error.message }),
    )
    return () => {
      current = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the question and the workspace's version
  }, [service, key])

  if (here) return { ...here, updating: false }
  if (!service) return { answer: null, error: null, updating: true }
  if (received?.question !== asked) return { answer: null, error: null, updating: true }
  return { answer: received.answer, error: received.error, updating: received.version !== version }
}

function settle<T>(compute: () => T): { answer: T | null; error: string | null } {
  try {
    return { answer: compute(), error: null }
  } catch (error) {
    return { answer: null, error: (error as Error).message }
  }
}
