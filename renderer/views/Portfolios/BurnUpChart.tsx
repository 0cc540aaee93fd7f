import { useEffect, useRef, useState } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import type { BurnUpSeries } from './burnUpSeries'

function canvasAvailable(): boolean {
  try {
    return !!document.createElement('canvas').getContext('2d')
  } catch {
    return false
  }
}

/**
 * The burn-up chart (uPlot, drawn on a canvas: the same in the browser build and in Electron).
 * `summary` is its text equivalent, read by screen readers and shown where a canvas cannot draw.
 */
export function BurnUpChart({ series, currency, summary }: { series: BurnUpSeries; currency: string; summary: string }) {
  const container = useRef<HTMLDivElement>(null)
  const [drawn, setDrawn] = useState(false)

  useEffect(() => {
    const element = container.current
    if (!element || !canvasAvailable()) return
    const top = Math.max(...series.envelope, ...series.forecast.map((v) => v ?? 0), ...series.spent.map((v) => v ?? 0))
    const axisMoney = new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: top >= 20 ? 0 : 2 })
    const money = new Intl.NumberFormat(undefined, { style: 'currency', currency })
    const value = (_: uPlot, v: number | null) => (v == null ? '—' : money.format(v))
    const options: uPlot.Options = {
      width: Math.max(element.clientWidth, 320),
      height: 260,
      // Budgets work on UTC days: label the axis in UTC so a day never shifts in another zone.
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      scales: { x: { time: true } },
      axes: [{}, { values: (_, ticks) => ticks.map((t) => axisMoney.format(t)), size: 76 }],
      series: [
        { label: 'Day (UTC)' },
        { label: 'Spent', stroke: '#2f5bd3', width: 2, fill: 'rgba(47, 91, 211, 0.08)', value },
        { label: 'Forecast', stroke: '#a15c00', width: 2, dash: [6, 4], value },
        { label: 'Envelope', stroke: '#1e7a46', width: 1.5, dash: [2, 3], value },
      ],
    }
    const plot = new uPlot(options, [series.x, series.spent, series.forecast, series.envelope] as uPlot.AlignedData, element)
    setDrawn(true)
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => plot.setSize({ width: Math.max(element.clientWidth, 320), height: 260 }))
    observer?.observe(element)
    return () => {
      observer?.disconnect()
      plot.destroy()
    }
  }, [series, currency])

  return (
    <figure className="burn-up" aria-labelledby="burn-up-summary">
      <div ref={container} className="burn-up-canvas" aria-hidden="true" data-testid="burn-up-chart" />
      <figcaption id="burn-up-summary" className={drawn ? 'chart-summary' : 'chart-summary only'} data-testid="burn-up-summary">
        {summary}
      </figcaption>
    </figure>
  )
}
