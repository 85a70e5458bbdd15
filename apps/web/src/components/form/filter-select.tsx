import type { ReactNode } from 'react'

/** One labelled filter of a list (its empty option is "any"); marked active while it narrows the list. */
export function FilterSelect({
  id,
  label,
  value,
  onChange,
  children,
}: {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  children: ReactNode
}) {
  return (
    <div className="filter">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select id={id} className={`select ${value ? 'is-active' : ''}`} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  )
}
