import { useSyncExternalStore } from 'react'

/**
 * Whether past periods are read with today's portfolio definitions instead of those in force
 * then (the app's twin of `report --todays-definitions`). Off by default, kept for the session.
 */
let todaysDefinitions = false
const listeners = new Set<() => void>()

export function setTodaysDefinitions(value: boolean): void {
  todaysDefinitions = value
  for (const listener of listeners) listener()
}

export function useTodaysDefinitions(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => todaysDefinitions,
  )
}
