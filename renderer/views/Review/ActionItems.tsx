import { useId, useState, type FormEvent } from 'react'
import type { Review } from '../../../shared/records/review'
import { sortedActionItems, type ReviewAction } from '../../../shared/review'
import { randomId } from '../../collaboration/participant'

/** The meeting's follow-ups, each owned by a team with a due day; listed in the summary and the export. */
export function ActionItems({ review, dispatch, readOnly }: { review: Review; dispatch: (action: ReviewAction) => boolean; readOnly: boolean }) {
  const id = useId()
  const [text, setText] = useState('')
  const [owningTeam, setOwningTeam] = useState('')
  const [due, setDue] = useState('')
  const items = sortedActionItems(review)

  const add = (event: FormEvent) => {
    event.preventDefault()
    if (dispatch({ type: 'addActionItem', item: { id: `ai-${randomId().slice(0, 8)}`, text, owningTeam, due } })) {
      setText('')
      setDue('')
    }
  }

  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Action items</h3>
      {items.length === 0 ? (
        <p className="muted">No action items yet.</p>
      ) : (
        <table className="review-table" data-testid="action-items">
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Owning team</th>
              <th scope="col">Due</th>
              {!readOnly && <th scope="col"><span className="review-visually-hidden">Remove</span></th>}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>{item.text}</td>
                <td>{item.owningTeam}</td>
                <td>{item.due}</td>
                {!readOnly && (
                  <td>
                    <button type="button" className="link-button" onClick={() => dispatch({ type: 'removeActionItem', id: item.id })} aria-label={`Remove action item ${item.text}`}>
                      Remove
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!readOnly && (
        <form className="field-row review-action-form" onSubmit={add} aria-label="New action item">
          <div className="field">
            <label htmlFor={`${id}-text`}>Action</label>
            <input id={`${id}-text`} value={text} onChange={(event) => setText(event.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-team`}>Owning team</label>
            <input id={`${id}-team`} value={owningTeam} onChange={(event) => setOwningTeam(event.target.value)} placeholder="Platform team" required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-due`}>Due</label>
            <input id={`${id}-due`} type="date" value={due} onChange={(event) => setDue(event.target.value)} required />
          </div>
          <button type="submit">Add action item</button>
        </form>
      )}
    </section>
  )
}
