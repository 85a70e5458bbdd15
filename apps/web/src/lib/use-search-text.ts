import { useState } from 'react'
import { useDebouncedNavigation } from './use-debounced-navigation'

/**
 * The text of a list's search box whose term lives in the URL (`q`). Typing writes the trimmed term
 * into the URL when typing pauses (through `commit`, replacing the history entry: Back should leave
 * the search, not replay each keystroke); a stale update never overrides a newer navigation (see
 * `useDebouncedNavigation`). When `q` changes from outside (Back, "clear filters", the header's box)
 * the box follows it.
 */
export function useSearchText(
  q: string | undefined,
  commit: (q: string | undefined) => void,
): { text: string; type: (value: string) => void; /** The text as a term: trimmed, undefined when empty. */ term: string | undefined } {
  const [text, setText] = useState(q ?? '')
  const scheduleSearch = useDebouncedNavigation(300)

  // Following the prop while rendering, as React advises for state that follows a prop (no effect, no extra render).
  const [followedQ, setFollowedQ] = useState(q)
  if (followedQ !== q) {
    setFollowedQ(q)
    setText(q ?? '')
  }

  const type = (value: string) => {
    setText(value)
    const next = value.trim() || undefined
    scheduleSearch(() => {
      if (next !== (q?.trim() || undefined)) commit(next)
    })
  }

  return { text, type, term: text.trim() || undefined }
}
