/** A small trend line (SVG, so it prints and scales); the label carries its meaning as text. */
export function Sparkline({ values, label, width = 120, height = 32 }: { values: readonly number[]; label: string; width?: number; height?: number }) {
  const max = Math.max(...values, 0)
  const pad = 2
  const step = values.length > 1 ? (width - pad * 2) / (values.length - 1) : 0
  const points = values.map((v, i) => `${(pad + i * step).toFixed(1)},${(height - pad - (max > 0 ? (v / max) * (height - pad * 2) : 0)).toFixed(1)}`)
  return (
    <svg className="sparkline" role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      <title>{label}</title>
      {values.length > 1 ? (
        <polyline points={points.join(' ')} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
      ) : (
        <line x1={pad} x2={width - pad} y1={height - pad} y2={height - pad} stroke="currentColor" strokeDasharray="3 3" />
      )}
    </svg>
  )
}
