import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { Notice, SUCCESS_NOTICE_MS } from './Notice'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

test('a success notice goes away by itself, but not while the pointer is on it', () => {
  const onDismiss = vi.fn()
  render(<Notice tone="ok" onDismiss={onDismiss} testId="n">Imported</Notice>)
  fireEvent.mouseEnter(screen.getByTestId('n'))
  act(() => vi.advanceTimersByTime(SUCCESS_NOTICE_MS * 2))
  expect(onDismiss).not.toHaveBeenCalled()
  fireEvent.mouseLeave(screen.getByTestId('n'))
  act(() => vi.advanceTimersByTime(SUCCESS_NOTICE_MS))
  expect(onDismiss).toHaveBeenCalledTimes(1)
})

test('warnings stay until dismissed with ×', () => {
  const onDismiss = vi.fn()
  render(<Notice tone="warn" onDismiss={onDismiss}>Could not read 1 file</Notice>)
  act(() => vi.advanceTimersByTime(SUCCESS_NOTICE_MS * 10))
  expect(onDismiss).not.toHaveBeenCalled()
  fireEvent.click(screen.getByRole('button', { name: 'Dismiss message' }))
  expect(onDismiss).toHaveBeenCalledTimes(1)
})
