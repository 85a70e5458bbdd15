import { forwardRef } from 'react'
import { useTranslation } from 'react-i18next'
import { translateMessage } from '../../lib/translate-message'
import { fieldId } from './field'

export interface SummaryItem {
  path: string
  label: string
  message: string
  /** False when no input on the form shows this path; the item is then not a link. */
  linked: boolean
}

/**
 * The list of problems at the top of a form. Each links to its field, so keyboard and screen
 * reader users can go straight to what needs fixing.
 */
export const ErrorSummary = forwardRef<HTMLDivElement, { items: SummaryItem[]; title?: string }>(function ErrorSummary(
  { items, title },
  ref,
) {
  const { t } = useTranslation()
  if (items.length === 0) return null
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <p className="error-summary-title" id="error-summary-title">
        {title ?? t('errors.summaryTitle', { count: items.length })}
      </p>
      <ul>
        {items.map((item) => (
          <li key={item.path + item.message}>
            {item.linked ? (
              <a
                href={`#${fieldId(item.path)}`}
                onClick={(e) => {
                  e.preventDefault()
                  const el = document.getElementById(fieldId(item.path))
                  el?.focus()
                  el?.scrollIntoView({ block: 'center' })
                }}
              >
                {item.label && <strong>{item.label}: </strong>}
                {translateMessage(item.message)}
              </a>
            ) : (
              <>
                {item.label && <strong>{item.label}: </strong>}
                {translateMessage(item.message)}
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
})
