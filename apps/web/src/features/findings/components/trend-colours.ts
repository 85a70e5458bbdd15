/** One colour per severity, shared by the chart and its legend (the legend stays out of the chart's chunk). */
export const SEVERITY_COLOURS = { high: '#b42318', medium: '#c28a12', low: '#4f7fa8' } as const
