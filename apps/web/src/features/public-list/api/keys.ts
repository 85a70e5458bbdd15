/** Query keys of the public list (nothing outside this feature reads them). */
export const publicListKeys = {
  all: ['public-list'] as const,
  preview: () => ['public-list', 'preview'] as const,
  rendered: () => ['public-list', 'preview', 'rendered'] as const,
  versions: () => ['public-list', 'versions'] as const,
  version: (n: number) => ['public-list', 'versions', n] as const,
  followers: () => ['public-list', 'followers'] as const,
}
