/** One colour per severity, shared by the chart and its legend. */
export const SEVERITY_COLOURS = { high: '#b42318', medium: '#c28a12', low: '#4f7fa8' } as const
