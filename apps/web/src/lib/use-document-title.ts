import { useEffect } from 'react'

/** Sets the tab title, so that history, bookmarks and screen readers say which page this is. */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Seloste` : 'Seloste'
  }, [title])
}
