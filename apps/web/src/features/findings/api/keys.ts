/** Query keys of the compliance overview; everything under "compliance" is refreshed after an acknowledgement. */
export const complianceKeys = {
  all: ['compliance'] as const,
  findings: () => ['compliance', 'findings'] as const,
  trend: (days: number) => ['compliance', 'trend', days] as const,
  deadlines: (days: number) => ['compliance', 'deadlines', days] as const,
  calendarToken: () => ['compliance', 'calendar-token'] as const,
}
