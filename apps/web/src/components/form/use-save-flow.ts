import type { FieldError as ApiFieldError } from '@seloste/schema'
import { useEffect, useRef, useState } from 'react'
import type { FieldValues, UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../lib/api-client'
import { useErrorText } from '../../lib/error-text'
import type { SummaryItem } from './error-summary'
import { applyServerErrors } from './form-errors'
import { summaryItems } from './summary-items'

export type SaveResult<R> = { ok: true; value: R } | { ok: false }

/**
 * What every form in the dashboard does around a save: API field errors beside the inputs and
 * in the summary, other failures in the summary, a version conflict kept aside (with the record
 * as it is now) for the conflict banner, and focus moved to whichever needs attention.
 */
export function useSaveFlow<V extends FieldValues, Current>(
  form: Pick<UseFormReturn<V>, 'trigger' | 'setError' | 'formState'>,
  formPaths: readonly string[],
  labelOf: (path: string) => string,
) {
  const { i18n } = useTranslation()
  const errorText = useErrorText()
  const [serverProblems, setServerProblems] = useState<ApiFieldError[]>([])
  const [generalError, setGeneralError] = useState<string | null>(null)
  const [conflict, setConflict] = useState<Current | null>(null)
  // A request to move focus, a new object each time so that asking twice focuses twice.
  const [focus, setFocus] = useState<{ target: 'summary' | 'conflict' } | null>(null)
  const summaryRef = useRef<HTMLDivElement>(null)
  const conflictRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (focus?.target === 'summary') summaryRef.current?.focus()
    if (focus?.target === 'conflict') conflictRef.current?.focus()
  }, [focus])

  // After a failed submit, validate again in a newly chosen language so the messages follow it.
  const submitted = form.formState.submitCount > 0
  useEffect(() => {
    if (submitted) void form.trigger()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a language change
  }, [i18n.language])

  async function run<R>(save: () => Promise<R>): Promise<SaveResult<R>> {
    setServerProblems([])
    setGeneralError(null)
    try {
      const value = await save()
      setConflict(null)
      return { ok: true, value }
    } catch (error) {
      if (isApiError(error) && error.isVersionConflict && error.current) {
        setConflict(error.current as Current)
        setFocus({ target: 'conflict' })
      } else if (isApiError(error) && error.code === 'validation_failed' && error.fields.length > 0) {
        setServerProblems(applyServerErrors(error, form.setError, formPaths))
        setFocus({ target: 'summary' })
      } else {
        setGeneralError(errorText(error))
        setFocus({ target: 'summary' })
      }
      return { ok: false }
    }
  }

  const items: SummaryItem[] = summaryItems(form.formState.errors, serverProblems, formPaths, labelOf)
  if (generalError) items.push({ path: '', label: '', message: generalError, linked: false })

  return {
    run,
    onInvalid: () => setFocus({ target: 'summary' }),
    items,
    conflict,
    clearConflict: () => {
      setConflict(null)
      setServerProblems([])
    },
    summaryRef,
    conflictRef,
  }
}

/** The value at a dotted path of react-hook-form's error tree, e.g. "service.fi". */
export function errorAt(errors: unknown, path: string): string | undefined {
  let node: unknown = errors
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part]
  const message = (node as { message?: unknown } | undefined)?.message
  return typeof message === 'string' ? message : undefined
}
