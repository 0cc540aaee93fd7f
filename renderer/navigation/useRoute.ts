import { useEffect, useState } from 'react'
import { parseRoute, routeHref, type Route, type ViewId } from './routes'

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash))
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}

export function navigate(view: ViewId, ...params: string[]): void {
  window.location.hash = routeHref(view, ...params)
}
