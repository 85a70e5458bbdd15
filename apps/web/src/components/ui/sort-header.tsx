import type { ReactNode } from 'react'

export type SortOrder = 'asc' | 'desc'

/**
 * A column header that sorts a server-sorted list: a button inside the header cell, `aria-sort` on
 * the cell. A click asks for the other direction of this column, or this column ascending.
 */
export function SortHeader<S extends string>({
  id,
  sort,
  order,
  onSortChange,
  className,
  children,
}: {
  id: S
  sort: S
  order: SortOrder
  onSortChange: (sort: S, order: SortOrder) => void
  className?: string
  children: ReactNode
}) {
  const direction = id === sort ? order : false
  return (
    <th scope="col" className={className} aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSortChange(id, id === sort && order === 'asc' ? 'desc' : 'asc')}>
        {children}
        <SortIcon direction={direction} />
      </button>
    </th>
  )
}

export function SortIcon({ direction }: { direction: false | SortOrder }) {
  return (
    <svg className={`sort-icon ${direction ? 'is-sorted' : ''}`} aria-hidden="true" viewBox="0 0 10 14" width="10" height="14">
      <path d="M5 1 L9 5 H1 Z" className={direction === 'asc' ? 'on' : ''} />
      <path d="M5 13 L1 9 H9 Z" className={direction === 'desc' ? 'on' : ''} />
    </svg>
  )
}
