import type { ReactNode } from 'react'

/** What a view will hold, shown until there is something to show. */
export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      <div className="empty-state-text">{children}</div>
      {action && <div className="empty-state-action">{action}</div>}
    </section>
  )
}
