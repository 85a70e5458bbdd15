import type { LocalizedText } from '@seloste/schema'
import type { KeyboardEvent, Ref } from 'react'
import { useTranslation } from 'react-i18next'
import { CheckboxField, Field } from '../../../components/form/field'

/** The name in both languages, trimmed; null when neither is written (a category needs one). */
export function categoryName(name: LocalizedText): LocalizedText | null {
  const value = { fi: name.fi.trim(), en: name.en.trim() }
  return value.fi || value.en ? value : null
}

/**
 * A vocabulary entry's fields, as adding one (beside an activity's form) and renaming one (on the
 * vocabulary page) both ask them: the name in Finnish and in English, and for a data category
 * whether it is a special category (Art. 9).
 */
export function CategoryNameFields({
  id,
  name,
  onNameChange,
  special,
  onSpecialChange,
  firstInputRef,
  invalid = false,
  onKeyDown,
  grid = false,
}: {
  id: string
  name: LocalizedText
  onNameChange: (name: LocalizedText) => void
  /** Only for data categories; undefined hides the question. */
  special?: boolean
  onSpecialChange?: (special: boolean) => void
  firstInputRef?: Ref<HTMLInputElement>
  invalid?: boolean
  onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void
  /** The two names side by side where there is room. */
  grid?: boolean
}) {
  const { t } = useTranslation()
  const names = (['fi', 'en'] as const).map((lang, i) => (
    <Field key={lang} name={`${id}-${lang}`} label={lang === 'fi' ? t('vocabulary.nameFi') : t('vocabulary.nameEn')}>
      {(c) => (
        <input
          {...c}
          lang={lang}
          className="input"
          ref={i === 0 ? firstInputRef : undefined}
          value={name[lang]}
          maxLength={500}
          aria-invalid={invalid ? true : undefined}
          onChange={(e) => onNameChange({ ...name, [lang]: e.target.value })}
          onKeyDown={onKeyDown}
        />
      )}
    </Field>
  ))
  return (
    <>
      {grid ? <div className="new-category-grid">{names}</div> : names}
      {special !== undefined && (
        <CheckboxField name={`${id}-special`} label={t('vocabulary.special')} hint={t('vocabulary.specialHint')}>
          {(c) => (
            <input {...c} type="checkbox" className="checkbox" checked={special} onChange={(e) => onSpecialChange?.(e.target.checked)} />
          )}
        </CheckboxField>
      )}
    </>
  )
}
