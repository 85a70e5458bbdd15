import { useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ControlProps } from './field'

interface TagInputProps extends ControlProps {
  value: string[]
  onChange: (value: string[]) => void
  onBlur?: () => void
  placeholder?: string
}

/** A list of short labels: type and press Enter (or a comma) to add; each chip has its own remove button. */
export function TagInput({ value, onChange, onBlur, placeholder, ...control }: TagInputProps) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState('')

  const add = (text: string) => {
    const items = text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    if (items.length === 0) return
    onChange([...new Set([...value, ...items])])
    setDraft('')
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault() // Enter would submit the whole form
      add(draft)
    } else if (e.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1))
    }
  }

  return (
    <div className="tag-input">
      {value.length > 0 && (
        <ul className="tag-list">
          {value.map((tag) => (
            <li key={tag} className="tag">
              <span>{tag}</span>
              <button
                type="button"
                className="tag-remove"
                aria-label={t('common.removeItem', { item: tag })}
                onClick={() => onChange(value.filter((v) => v !== tag))}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        {...control}
        type="text"
        className="input"
        value={draft}
        placeholder={placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          add(draft)
          onBlur?.()
        }}
      />
    </div>
  )
}
