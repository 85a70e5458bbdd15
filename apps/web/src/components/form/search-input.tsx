import type { InputHTMLAttributes, Ref } from 'react'

/** The magnifying glass of every search box and search link (decorative: the box or link has the name). */
export function SearchIcon({ size = 16, className }: { size?: number; className?: string }) {
  return (
    <svg className={className} aria-hidden="true" viewBox="0 0 20 20" width={size} height={size}>
      <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M13 13l4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  )
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'value' | 'onChange' | 'className'>

/**
 * A labelled search box: the label (shown, or only for screen readers with `hideLabel`), the icon and
 * a `type="search"` input. Further input attributes (a combobox's ARIA state, key handling) pass through.
 */
export function SearchInput({
  id,
  label,
  hideLabel = false,
  value,
  onChange,
  inputRef,
  ...inputProps
}: InputProps & {
  id: string
  label: string
  hideLabel?: boolean
  value: string
  onChange: (value: string) => void
  inputRef?: Ref<HTMLInputElement>
}) {
  return (
    <>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
      </label>
      <div className="search-box">
        <SearchIcon className="search-icon" />
        <input
          autoComplete="off"
          enterKeyHint="search"
          {...inputProps}
          ref={inputRef}
          id={id}
          type="search"
          className="input"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
    </>
  )
}
