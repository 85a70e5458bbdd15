import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from '@tanstack/react-router'
import { I18nextProvider } from 'react-i18next'
import { ToastProvider } from '../components/ui/toast'
import { i18n } from '../lib/i18n'
import { createQueryClient } from '../lib/query-client'
import { paths } from '../config/paths'
import { createAppRouter } from './router'
import { startRequests } from './start-requests'

// Any 401 ends the session: go to sign-in and come back to this page afterwards.
const queryClient = createQueryClient(() => {
  const { pathname, href } = router.state.location
  if (pathname === paths.login.path) return
  void router.navigate({ to: paths.login.path, search: { redirect: href } })
})
const router = createAppRouter(queryClient)
startRequests(queryClient, window.location.pathname)

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <RouterProvider router={router} />
        </ToastProvider>
      </QueryClientProvider>
    </I18nextProvider>
  )
}
