import { useLayoutEffect, useRef, useState, type ReactNode } from 'react'

/**
 * A table's own horizontal scroll box (the page itself never scrolls sideways). Only while it
 * really scrolls does it become focusable, so keyboard users can scroll it too (WCAG 2.1.1), as a
 * group named like its table (aria-label or caption): a group, not a region, so that it adds no
 * landmark of the same name as the section around it.
 */
export function TableScroll({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null)
  const [name, setName] = useState<string | null>(null)

  useLayoutEffect(() => {
    const box = ref.current
    if (!box) return
    const check = () => {
      const scrolls = box.scrollWidth > box.clientWidth + 1
      const table = box.querySelector('table')
      const tableName = table?.getAttribute('aria-label') ?? table?.querySelector('caption')?.textContent ?? ''
      setName(scrolls ? tableName.trim() || '-' : null)
    }
    check()
    const observer = new ResizeObserver(check)
    observer.observe(box)
    if (box.firstElementChild) observer.observe(box.firstElementChild)
    return () => observer.disconnect()
  }, [])

  return (
    <div
      ref={ref}
      className={className ? `table-scroll ${className}` : 'table-scroll'}
      {...(name !== null ? { tabIndex: 0, role: 'group', 'aria-label': name } : {})}
    >
      {children}
    </div>
  )
}
