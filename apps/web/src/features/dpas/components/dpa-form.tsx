import { versionedResolver } from '../../../components/form/versioned-resolver'
import { CHECKLIST_POINTS, ChecklistStatus, DpaInput, DpaStatus, type Dpa, type DpaInputParsed } from '@seloste/schema'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { ConflictBanner } from '../../../components/form/conflict-banner'
import { formResolver } from '../../../components/form/form-resolver'
import { applyMerge, conflictFields } from '../../../components/form/three-way-merge'
import { ErrorSummary } from '../../../components/form/error-summary'
import { Field, fieldId } from '../../../components/form/field'
import { errorAt, useSaveFlow } from '../../../components/form/use-save-flow'
import { Button } from '../../../components/ui/button'
import { useFormat } from '../../../lib/format'
import { translateMessage } from '../../../lib/translate-message'
import { useCreateDpa } from '../api/create-dpa'
import { useUpdateDpa } from '../api/update-dpa'
import { describeDpaValues, DPA_FORM_PATHS, dpaFieldLabel, dpaToFormValues, type DpaFormValues } from '../lib/form-values'

interface DpaFormProps {
  processorId: number
  dpa?: Dpa
  initialValues: DpaFormValues
  onSaved: () => void
  onCancel: () => void
}

type Parsed = DpaInputParsed & { version?: number }

/**
 * A data processing agreement and its Art. 28(3) checklist. Create and edit both validate with
 * DpaInput (which has the agreement's rules; DpaUpdate is shape-only, checked by the API on the merged record).
 */
export function DpaForm({ processorId, dpa, initialValues, onSaved, onCancel }: DpaFormProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const create = useCreateDpa()
  const update = useUpdateDpa()
  const resolver = versionedResolver<DpaFormValues, DpaInputParsed>(formResolver(DpaInput))
  const form = useForm<DpaFormValues, unknown, Parsed>({
    defaultValues: initialValues,
    resolver,
    shouldFocusError: false,
    mode: 'onTouched',
  })
  const { register, control, handleSubmit, formState, getValues, reset } = form
  const { errors, isSubmitting } = formState
  const labelOf = (path: string) => dpaFieldLabel(t, path)
  const {
    run: runSave,
    onInvalid,
    items: summaryItems,
    conflict,
    clearConflict,
    summaryRef,
    conflictRef,
  } = useSaveFlow<DpaFormValues, Dpa>(form, DPA_FORM_PATHS, labelOf)
  const status = useWatch({ control, name: 'status' })
  const hasContract = status === 'signed' || status === 'in_negotiation'

  const save = async (values: Parsed) => {
    const result = await runSave(() =>
      dpa
        ? update.mutateAsync({ id: dpa.id, input: { ...values, version: values.version ?? dpa.version } })
        : create.mutateAsync({ processorId, input: values }),
    )
    if (result.ok) onSaved()
  }
  const onSubmit = handleSubmit(save, onInvalid)
  const err = (path: string) => errorAt(errors, path)

  const labels = Object.fromEntries(DPA_FORM_PATHS.map((p) => [p, labelOf(p)]))
  const theirs = conflict ? dpaToFormValues(conflict) : null
  const diffs =
    conflict && theirs
      ? conflictFields(form, theirs, describeDpaValues(theirs, t, format), describeDpaValues(getValues(), t, format), labels)
      : []

  return (
    <form className="form form-dialog" noValidate onSubmit={(e) => void onSubmit(e)}>
      {conflict && (
        <ConflictBanner
          ref={conflictRef}
          title={t('conflict.dpaTitle')}
          savedAt={format.dateTime(conflict.updatedAt)}
          key={conflict.version}
          fields={diffs}
          busy={isSubmitting}
          onReload={() => {
            reset(dpaToFormValues(conflict))
            clearConflict()
          }}
          onMerge={(picks) => {
            // Their changes kept, mine kept, the picked side where both changed; based on their version.
            applyMerge(form, DPA_FORM_PATHS, theirs!, conflict.version, picks)
            void onSubmit()
          }}
        />
      )}
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      <div className="form-grid">
        <Field name="status" label={t('dpas.fields.status')} error={err('status')} required>
          {(c) => (
            <select {...c} className="select" {...register('status')}>
              {DpaStatus.options.map((s) => (
                <option key={s} value={s}>
                  {t(`enums.dpaStatus.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="reference" label={t('dpas.fields.reference')} hint={t('dpas.form.referenceHint')} error={err('reference')}>
          {(c) => <input {...c} className="input" {...register('reference')} />}
        </Field>
        {status === 'not_required' && (
          <Field
            name="notRequiredReason"
            label={t('dpas.fields.notRequiredReason')}
            hint={t('dpas.form.notRequiredHint')}
            error={err('notRequiredReason')}
            required
            className="span-2"
          >
            {(c) => <textarea {...c} rows={2} className="textarea" {...register('notRequiredReason')} />}
          </Field>
        )}
        <Field name="signedOn" label={t('dpas.fields.signedOn')} error={err('signedOn')}>
          {(c) => <input {...c} type="date" className="input input-date" {...register('signedOn')} />}
        </Field>
        <Field name="validUntil" label={t('dpas.fields.validUntil')} hint={t('dpas.form.validUntilHint')} error={err('validUntil')}>
          {(c) => <input {...c} type="date" className="input input-date" {...register('validUntil')} />}
        </Field>
        <Field name="nextReviewOn" label={t('dpas.fields.nextReviewOn')} error={err('nextReviewOn')}>
          {(c) => <input {...c} type="date" className="input input-date" {...register('nextReviewOn')} />}
        </Field>
        <Field name="documentUrl" label={t('dpas.fields.documentUrl')} hint={t('dpas.form.documentUrlHint')} error={err('documentUrl')}>
          {(c) => <input {...c} type="url" className="input" placeholder="https://" {...register('documentUrl')} />}
        </Field>
      </div>

      {hasContract && (
        <fieldset className="form-section">
          <legend className="form-section-legend">{t('dpas.checklist.title')}</legend>
          <p className="form-section-description">{t('dpas.checklist.formHint')}</p>
          <div className="table-scroll">
            <table className="table table-compact checklist-table">
              <thead>
                <tr>
                  <th scope="col">{t('dpas.checklist.point')}</th>
                  <th scope="col">{t('dpas.checklist.status')}</th>
                  <th scope="col">{t('dpas.checklist.clause')}</th>
                </tr>
              </thead>
              <tbody>
                {CHECKLIST_POINTS.map((p) => {
                  const statusPath = `checklist.${p}.status` as const
                  const clausePath = `checklist.${p}.clause` as const
                  const clauseError = err(clausePath)
                  return (
                    <tr key={p}>
                      <th scope="row">
                        <span className="checklist-point">({p})</span> {t(`enums.checklistPoint.${p}`)}
                      </th>
                      <td>
                        <label htmlFor={fieldId(statusPath)} className="visually-hidden">
                          {labelOf(statusPath)}
                        </label>
                        <select id={fieldId(statusPath)} className="select select-sm" {...register(statusPath)}>
                          {ChecklistStatus.options.map((s) => (
                            <option key={s} value={s}>
                              {t(`enums.checklistStatus.${s}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <label htmlFor={fieldId(clausePath)} className="visually-hidden">
                          {labelOf(clausePath)}
                        </label>
                        <input
                          id={fieldId(clausePath)}
                          className="input input-sm"
                          placeholder={t('dpas.checklist.clausePlaceholder')}
                          aria-invalid={clauseError ? true : undefined}
                          aria-describedby={clauseError ? `${fieldId(clausePath)}-error` : undefined}
                          {...register(clausePath)}
                        />
                        {clauseError && (
                          <p id={`${fieldId(clausePath)}-error`} className="field-error">
                            {translateMessage(clauseError)}
                          </p>
                        )}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        </fieldset>
      )}

      <div className="form-footer">
        <Button onClick={onCancel} disabled={isSubmitting}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" busy={isSubmitting}>
          {dpa ? t('common.save') : t('dpas.add')}
        </Button>
      </div>
    </form>
  )
}
