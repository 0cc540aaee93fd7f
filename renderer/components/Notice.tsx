import { useEffect, useRef, useState, type ReactNode } from 'react'

/** How long a success notice stays once nobody points at it or has focus in it. */
export const SUCCESS_NOTICE_MS = 8000

interface Props {
  tone: 'ok' | 'info' | 'warn' | 'error'
  children: ReactNode
  /** A button beside the text, e.g. Undo. */
  action?: ReactNode
  onDismiss(): void
  testId?: string
}

/**
 * A message after an action, dismissable with ×. Success notices go away by themselves (after
 * SUCCESS_NOTICE_MS, paused while hovered or focused); warnings and errors stay until dismissed.
 */
export function Notice({ tone, children, action, onDismiss, testId }: Props) {
  const [held, setHeld] = useState(false)
  // The latest callback, so a re-render (an import's progress) does not restart the countdown.
  const dismiss = useRef(onDismiss)
  dismiss.current = onDismiss
  useEffect(() => {
    if (tone !== 'ok' || held) return
    const timer = setTimeout(() => dismiss.current(), SUCCESS_NOTICE_MS)
    return () => clearTimeout(timer)
  }, [tone, held])
  return (
    <div
      className={`notice ${tone}`}
      data-testid={testId}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <span>{children}</span>
      {action}
      <button type="button" className="notice-close" aria-label="Dismiss message" onClick={onDismiss}>
        ×
      </button>
    </div>
  )
}
