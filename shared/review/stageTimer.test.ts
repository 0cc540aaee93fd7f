import { describe, expect, it } from 'vitest'
import { stageTimeLeft } from './stageTimer'

const startedAt = '2026-10-05T09:00:00.000Z'
const at = (iso: string) => Date.parse(iso)

describe('stageTimeLeft', () => {
  const review = { stage: 'scorecards' as const, stageTimer: { stage: 'scorecards' as const, minutes: 10, startedAt } }

  it('counts down from the minutes set, then counts the overtime', () => {
    expect(stageTimeLeft(review, at('2026-10-05T09:05:55.000Z'))).toEqual({ overtime: false, text: '4:05 left on this stage' })
    expect(stageTimeLeft(review, at('2026-10-05T09:11:10.000Z'))).toEqual({ overtime: true, text: 'over time by 1:10' })
  })

  it('says nothing without a timer, or for a timer of another stage', () => {
    expect(stageTimeLeft({ stage: 'scorecards', stageTimer: null }, at(startedAt))).toBeNull()
    expect(stageTimeLeft({ ...review, stage: 'recipes' }, at(startedAt))).toBeNull()
  })
})
