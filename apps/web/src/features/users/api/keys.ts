/** Query keys of user management (kept here: nothing outside this feature reads them). */
export const userKeys = {
  all: ['users'] as const,
  list: () => ['users', 'list'] as const,
}
