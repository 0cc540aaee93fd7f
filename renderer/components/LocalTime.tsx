const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' })

/** A UTC instant shown in the person's time zone; the UTC value is in the title. */
export function LocalTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={`${iso} (UTC)`}>
      {dateTime.format(new Date(iso))}
    </time>
  )
}

/** A UTC calendar day ("2026-07-14"), shown as a date without shifting it into another day. */
export function UtcDate({ date }: { date: string }) {
  return <time dateTime={date}>{dateOnly.format(new Date(`${date}T00:00:00Z`))}</time>
}

/**
 * An instant (stored in UTC) as people read it, in their own time zone. Whole billing days
 * and months are different: a provider's "2026-08-05" is a UTC day, so `utcDay` shows that
 * calendar day as billed rather than the local time its midnight falls on.
 */
export function formatInstant(iso: string, withTime = true, utcDay = false): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  if (utcDay) return date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })
  return withTime
    ? date.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
}
