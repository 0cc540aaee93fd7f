import { useState, type ReactNode } from 'react'

interface Props {
  /** Who or what is deleted, as its buttons' accessible names say it (`portfolio “X”`). */
  subject: string
  /** The question asked before deleting, e.g. `Delete “Refactor + tests”?`. */
  question: ReactNode
  onDelete(): void
  /** Other actions shown beside Delete until it is pressed (Edit, …). */
  children?: ReactNode
}

/** A Delete button that asks once, inline, with Keep as the way out (no modal dialog). */
export function DeleteWithConfirm({ subject, question, onDelete, children }: Props) {
  const [confirming, setConfirming] = useState(false)
  if (confirming) {
    return (
      <span role="group" aria-label={`Confirm deleting ${subject}`}>
        {question}{' '}
        <button
          type="button"
          className="danger"
          autoFocus
          onClick={() => {
            setConfirming(false)
            onDelete()
          }}
        >
          Delete
        </button>{' '}
        <button type="button" onClick={() => setConfirming(false)}>
          Keep
        </button>
      </span>
    )
  }
  return (
    <>
      {children}
      <button type="button" onClick={() => setConfirming(true)} aria-label={`Delete ${subject}`}>
        Delete
      </button>
    </>
  )
}
