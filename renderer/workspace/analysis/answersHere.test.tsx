import { screen } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import type { AnalysisQuestion } from './analysisProtocol'

const overview: AnalysisQuestion = { type: 'overview', request: { periodKey: '2026-Q3', todaysDefinitions: false } }

/**
 * The test setup loads the analysis on the test's thread before any view draws; a window
 * without a worker has not yet when its first view asks. Modules fresh from here on: this
 * test's analysis is not loaded.
 */
test('without a worker, a view asking before the analysis is loaded on its thread is told it is coming, then answered', async () => {
  vi.resetModules()
  const { answersHereIfLoaded } = await import('./answersHere')
  const { useAnalysisAnswer } = await import('./useAnalysisAnswer')
  const { renderWithWorkspace, createMemoryWorkspace } = await import('../../test/renderWithWorkspace')
  const { seedWorkspace } = await import('../../test/portfolioTestData')
  expect(answersHereIfLoaded()).toBeNull()

  function UnassignedCharges() {
    const { answer, updating } = useAnalysisAnswer(overview)
    const text = answer && 'report' in answer ? `${answer.report.unassigned.charges} unassigned charges` : updating ? 'coming' : 'none'
    return <p>{text}</p>
  }
  const workspace = createMemoryWorkspace()
  seedWorkspace(workspace)
  renderWithWorkspace(<UnassignedCharges />, workspace)
  expect(screen.getByText('coming')).toBeTruthy()
  const { answer } = await import('./analysisAnswers')
  const expected = answer(workspace, overview)
  expect('report' in expected && (await screen.findByText(`${expected.report.unassigned.charges} unassigned charges`))).toBeTruthy()
  expect(answersHereIfLoaded()).toBe(answer)
})
