/**
 * Every route path of the dashboard, in one place. The `path` strings are the router's
 * (typed) route ids, so `<Link to={paths.processors.detail.path} params={...}>` stays checked.
 */
export const paths = {
  home: { path: '/' },
  login: { path: '/login' },
  overview: { path: '/overview' },
  processors: {
    list: { path: '/processors' },
    new: { path: '/processors/new' },
    detail: { path: '/processors/$id' },
    edit: { path: '/processors/$id/edit' },
  },
  activities: {
    list: { path: '/activities' },
    new: { path: '/activities/new' },
    matrix: { path: '/activities/matrix' },
    detail: { path: '/activities/$id' },
    edit: { path: '/activities/$id/edit' },
  },
  exports: { path: '/exports' },
  publicList: { path: '/public-list' },
  imports: { path: '/imports' },
  notice: { path: '/notice' },
  audit: { path: '/audit' },
  users: { path: '/users' },
  organisation: { path: '/organisation' },
  vocabulary: { path: '/vocabulary' },
  search: { path: '/search' },
} as const
