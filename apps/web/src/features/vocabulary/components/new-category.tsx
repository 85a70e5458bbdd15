import type { LocalizedText } from '@seloste/schema'
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, buttonClass } from '../../../components/ui/button'
import { isApiError } from '../../../lib/api-client'
import { useErrorText } from '../../../lib/error-text'
import { apiText } from '../../../lib/api-messages'
import { useCreateDataCategory } from '../api/create-data-category'
import { useCreateDataSubjectCategory } from '../api/create-data-subject-category'
import { CategoryNameFields, categoryName } from './category-name-fields'

export interface CreatedCategory {
  id: number
  name: LocalizedText
  special?: boolean
}

interface NewCategoryProps {
  kind: 'data' | 'subject'
  onCreated: (category: CreatedCategory) => void
}

/**
 * Adds a category to the shared vocabulary without leaving the form it is needed in. Not a
 * <form> of its own (forms cannot nest): Enter in its inputs adds the category instead of
 * submitting the surrounding form.
 */
export function NewCategory({ kind, onCreated }: NewCategoryProps) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const id = useId()
  const [open, setOpen] = useState(false)
  const [name, setName] = useState<LocalizedText>({ fi: '', en: '' })
  const [special, setSpecial] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const createData = useCreateDataCategory()
  const createSubject = useCreateDataSubjectCategory()
  const busy = createData.isPending || createSubject.isPending
  const toggleRef = useRef<HTMLButtonElement>(null)
  const firstInputRef = useRef<HTMLInputElement>(null)
  // Opening the form moves focus into it, to the first name.
  useEffect(() => {
    if (open) firstInputRef.current?.focus()
  }, [open])
  const title = kind === 'data' ? t('vocabulary.newDataCategory') : t('vocabulary.newSubjectCategory')

  const close = () => {
    setOpen(false)
    setName({ fi: '', en: '' })
    setSpecial(false)
    setProblem(null)
    toggleRef.current?.focus()
  }

  const submit = async () => {
    const value = categoryName(name)
    if (!value) {
      setProblem(t('activities.messages.eitherLanguage'))
      return
    }
    setProblem(null)
    try {
      const created: CreatedCategory =
        kind === 'data' ? await createData.mutateAsync({ name: value, special }) : await createSubject.mutateAsync({ name: value })
      onCreated(created)
      close()
    } catch (error) {
      const field = isApiError(error) ? error.fields[0] : undefined
      setProblem(
        field?.messageCode === 'either_language' ? t('activities.messages.eitherLanguage') : field ? apiText(field) : errorText(error),
      )
    }
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault()
      void submit()
    } else if (e.key === 'Escape') {
      e.preventDefault()
      close()
    }
  }

  if (!open) {
    return (
      <div className="new-category-toggle">
        <button ref={toggleRef} type="button" className={buttonClass('ghost', 'sm')} onClick={() => setOpen(true)} aria-expanded={false}>
          <span aria-hidden="true">+ </span>
          {title}
        </button>
      </div>
    )
  }

  return (
    <div className="new-category" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="new-category-title">
        {title}
      </p>
      <CategoryNameFields
        id={id}
        grid
        name={name}
        onNameChange={setName}
        special={kind === 'data' ? special : undefined}
        onSpecialChange={setSpecial}
        firstInputRef={firstInputRef}
        invalid={problem !== null}
        onKeyDown={onKeyDown}
      />
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="new-category-actions">
        <Button size="sm" onClick={close} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button size="sm" variant="primary" onClick={() => void submit()} busy={busy}>
          {t('vocabulary.create')}
        </Button>
      </div>
    </div>
  )
}
