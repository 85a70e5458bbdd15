/**
 * Every route path of the dashboard, in one place. The `path` strings are the router's
 * (typed) route ids, so `<Link to={paths.processors.detail.path} params={...}>` stays checked.
 */
export const paths = {
  home: { path: '/' },
  login: { path: '/login' },
  processors: {
    list: { path: '/processors' },
    new: { path: '/processors/new' },
    detail: { path: '/processors/$id' },
    edit: { path: '/processors/$id/edit' },
  },
} as const
