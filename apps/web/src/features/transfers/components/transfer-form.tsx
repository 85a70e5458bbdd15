import { versionedResolver } from '../../../components/form/versioned-resolver'
import {
  adequacyCitation,
  adequacySubjectName,
  Derogation,
  isInEea,
  normaliseTransfer,
  TiaStatus,
  TransferInput,
  TransferKind,
  type ProcessorRole,
  type Transfer,
  type TransferInputParsed,
} from '@seloste/schema'
import { useEffect, useRef } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { ConflictBanner } from '../../../components/form/conflict-banner'
import { applyMerge, conflictFields } from '../../../components/form/three-way-merge'
import { CountrySelect } from '../../../components/form/country-select'
import { formResolver } from '../../../components/form/form-resolver'
import { ErrorSummary } from '../../../components/form/error-summary'
import { Field } from '../../../components/form/field'
import { errorAt, useSaveFlow } from '../../../components/form/use-save-flow'
import { Button } from '../../../components/ui/button'
import { useFormat } from '../../../lib/format'
import { useCreateTransfer } from '../api/create-transfer'
import { useUpdateTransfer } from '../api/update-transfer'
import {
  describeTransferValues,
  TRANSFER_FORM_PATHS,
  transferFieldLabel,
  transferToFormValues,
  type TransferFormValues,
} from '../lib/form-values'
import { safeguardsFor, selectableAdequacyDecisions } from '../lib/safeguards'

interface TransferFormProps {
  processorId: number
  /** The recipient's role: an international organisation is under Chapter V wherever its seat is. */
  recipientRole?: ProcessorRole
  /** Edit when given. */
  transfer?: Transfer
  initialValues: TransferFormValues
  onSaved: () => void
  onCancel: () => void
}

type Parsed = TransferInputParsed & { version?: number }

/**
 * A country where the processor stores, processes or accesses data. Inside or outside the EEA is
 * derived from the country, never asked; only the safeguard's own fields are shown. Both create
 * and edit validate with TransferInput, which carries the Chapter V rules (TransferUpdate is
 * shape-only, since the API checks it against the merged record).
 */
export function TransferForm({ processorId, recipientRole, transfer, initialValues, onSaved, onCancel }: TransferFormProps) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const lang = i18n.language === 'fi' ? 'fi' : 'en'
  const create = useCreateTransfer()
  const update = useUpdateTransfer()

  const resolver = versionedResolver<TransferFormValues, TransferInputParsed>(formResolver(TransferInput))
  const form = useForm<TransferFormValues, unknown, Parsed>({
    defaultValues: initialValues,
    resolver,
    shouldFocusError: false,
    mode: 'onTouched',
  })
  const { register, control, handleSubmit, formState, setValue, getValues, reset } = form
  const { errors, isSubmitting } = formState
  const labelOf = (path: string) => transferFieldLabel(t, path)
  const {
    run: runSave,
    onInvalid,
    items: summaryItems,
    conflict,
    clearConflict,
    summaryRef,
    conflictRef,
  } = useSaveFlow<TransferFormValues, Transfer>(form, TRANSFER_FORM_PATHS, labelOf)

  const country = useWatch({ control, name: 'country' })
  const safeguard = useWatch({ control, name: 'safeguard' })
  const organisation = recipientRole === 'international_organisation'
  // For an international organisation Chapter V applies whatever the country: treated as "outside".
  const inEea = country ? (organisation ? false : isInEea(country)) : null
  const options = safeguardsFor(country, recipientRole)
  // Keep a stored safeguard visible even if the rules would no longer offer it, so nothing changes unseen.
  if (safeguard && !options.includes(safeguard) && transfer?.safeguard === safeguard) options.push(safeguard)
  const decisions = selectableAdequacyDecisions(country, recipientRole)

  // When the country changes, drop choices that cannot apply to it (a user action, not on first render).
  const previousCountry = useRef(country)
  useEffect(() => {
    if (previousCountry.current === country) return
    previousCountry.current = country
    const current = getValues('safeguard')
    const outside = country && (organisation || !isInEea(country))
    if (country && !outside) {
      setValue('safeguard', 'none_needed')
      setValue('tiaStatus', 'not_needed')
    } else if (current && !safeguardsFor(country, recipientRole).includes(current)) {
      setValue('safeguard', '')
    }
    if (getValues('tiaStatus') === 'not_needed' && outside) setValue('tiaStatus', 'unknown')
    const only = selectableAdequacyDecisions(country, recipientRole)
    setValue('adequacyDecisionId', only.length === 1 ? only[0]!.id : '')
  }, [country, getValues, setValue, organisation, recipientRole])

  const save = async (values: Parsed) => {
    const body = normaliseTransfer(values)
    const result = await runSave(() =>
      transfer
        ? update.mutateAsync({ id: transfer.id, input: { ...body, version: values.version ?? transfer.version } })
        : create.mutateAsync({ processorId, input: body }),
    )
    if (result.ok) onSaved()
  }
  const onSubmit = handleSubmit(save, onInvalid)
  const err = (path: string) => errorAt(errors, path)

  const labels = Object.fromEntries(TRANSFER_FORM_PATHS.map((p) => [p, labelOf(p)]))
  const theirs = conflict ? transferToFormValues(conflict) : null
  const diffs =
    conflict && theirs
      ? conflictFields(form, theirs, describeTransferValues(theirs, t, format), describeTransferValues(getValues(), t, format), labels)
      : []

  return (
    <form className="form form-dialog" noValidate onSubmit={(e) => void onSubmit(e)}>
      {conflict && (
        <ConflictBanner
          ref={conflictRef}
          title={t('conflict.transferTitle')}
          savedAt={format.dateTime(conflict.updatedAt)}
          key={conflict.version}
          fields={diffs}
          busy={isSubmitting}
          onReload={() => {
            previousCountry.current = conflict.country
            reset(transferToFormValues(conflict))
            clearConflict()
          }}
          onMerge={(picks) => {
            // Their changes kept, mine kept, the picked side where both changed; based on their version.
            applyMerge(form, TRANSFER_FORM_PATHS, theirs!, conflict.version, picks)
            void onSubmit()
          }}
        />
      )}
      <ErrorSummary ref={summaryRef} items={summaryItems} />

      <div className="form-grid">
        <Field name="country" label={t('transfers.fields.country')} error={err('country')} required>
          {(c) => <CountrySelect {...c} emptyLabel={t('form.choose')} {...register('country')} />}
        </Field>
        <Field name="kind" label={t('transfers.fields.kind')} error={err('kind')} required>
          {(c) => (
            <select {...c} className="select" {...register('kind')}>
              {TransferKind.options.map((k) => (
                <option key={k} value={k}>
                  {t(`enums.transferKind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {/* Derived from the country, never asked: whether GDPR Chapter V applies at all. */}
        <p className={`derived span-2 ${inEea === false ? 'derived-outside' : ''}`} aria-live="polite">
          {inEea === null ? t('transfers.form.locationUnknown') : inEea ? t('transfers.form.insideEea') : t('transfers.form.outsideEea')}
        </p>
        {inEea === false || (safeguard && safeguard !== 'none_needed') ? (
          <Field
            name="safeguard"
            label={t('transfers.fields.safeguard')}
            hint={t('transfers.form.safeguardHint')}
            error={err('safeguard')}
            required
            className="span-2"
          >
            {(c) => (
              <select {...c} className="select" {...register('safeguard')}>
                <option value="">{t('form.choose')}</option>
                {options.map((s) => (
                  <option key={s} value={s}>
                    {t(`enums.safeguard.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}

        {safeguard === 'adequacy' && (
          <Field
            name="adequacyDecisionId"
            label={t('transfers.fields.adequacyDecisionId')}
            error={err('adequacyDecisionId')}
            required
            className="span-2"
          >
            {(c) => (
              <select {...c} className="select" {...register('adequacyDecisionId')}>
                <option value="">{t('form.choose')}</option>
                {decisions.map((d) => (
                  <option key={d.id} value={d.id}>
                    {t('transfers.form.decisionOption', { decision: adequacyCitation(d, lang), country: adequacySubjectName(d, lang) })}
                    {d.scope ? ` (${d.scope[lang]})` : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {safeguard === 'dpf' && (
          <>
            <Field
              name="certifiedEntity"
              label={t('transfers.fields.certifiedEntity')}
              hint={t('transfers.form.certifiedEntityHint')}
              error={err('certifiedEntity')}
              required
              className="span-2"
            >
              {(c) => <input {...c} type="text" className="input" autoComplete="off" {...register('certifiedEntity')} />}
            </Field>
            <Field
              name="dpfListingUrl"
              label={t('transfers.fields.dpfListingUrl')}
              hint={t('transfers.form.dpfListingHint')}
              error={err('dpfListingUrl')}
            >
              {(c) => (
                <input
                  {...c}
                  type="url"
                  className="input"
                  placeholder="https://www.dataprivacyframework.gov/participant/…"
                  {...register('dpfListingUrl')}
                />
              )}
            </Field>
            <Field
              name="dpfVerifiedOn"
              label={t('transfers.fields.dpfVerifiedOn')}
              hint={t('transfers.form.dpfVerifiedHint')}
              error={err('dpfVerifiedOn')}
            >
              {(c) => <input {...c} type="date" className="input input-date" {...register('dpfVerifiedOn')} />}
            </Field>
          </>
        )}
        {safeguard === 'scc' && (
          <Field
            name="sccModule"
            label={t('transfers.fields.sccModule')}
            hint={t('transfers.form.sccHint')}
            error={err('sccModule')}
            required
            className="span-2"
          >
            {(c) => (
              <select
                {...c}
                className="select"
                {...register('sccModule', { setValueAs: (v: unknown) => (v === '' || v == null ? null : Number(v)) })}
              >
                <option value="">{t('form.choose')}</option>
                {([1, 2, 3, 4] as const).map((m) => (
                  <option key={m} value={m}>
                    {t(`enums.sccModule.${m}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {safeguard === 'derogation_art49' && (
          <Field
            name="derogation"
            label={t('transfers.fields.derogation')}
            hint={t('transfers.form.derogationHint')}
            error={err('derogation')}
            required
            className="span-2"
          >
            {(c) => (
              <select
                {...c}
                className="select"
                {...register('derogation', { setValueAs: (v: unknown) => (v === '' || v == null ? null : v) })}
              >
                <option value="">{t('form.choose')}</option>
                {Derogation.options.map((d) => (
                  <option key={d} value={d}>
                    {t(`enums.derogation.${d}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {safeguard === 'other_art46' && (
          <Field
            name="otherSafeguard"
            label={t('transfers.fields.otherSafeguard')}
            hint={t('transfers.form.otherHint')}
            error={err('otherSafeguard')}
            required
            className="span-2"
          >
            {(c) => <textarea {...c} rows={2} className="textarea" {...register('otherSafeguard')} />}
          </Field>
        )}

        {inEea === false && (
          <>
            <Field name="tiaStatus" label={t('transfers.fields.tiaStatus')} hint={t('transfers.form.tiaHint')} error={err('tiaStatus')}>
              {(c) => (
                <select {...c} className="select" {...register('tiaStatus')}>
                  {TiaStatus.options.map((s) => (
                    <option key={s} value={s}>
                      {t(`enums.tiaStatus.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field name="tiaUrl" label={t('transfers.fields.tiaUrl')} error={err('tiaUrl')}>
              {(c) => <input {...c} type="url" className="input" placeholder="https://" {...register('tiaUrl')} />}
            </Field>
          </>
        )}
        <Field name="notes" label={t('transfers.fields.notes')} error={err('notes')} className="span-2">
          {(c) => <textarea {...c} rows={2} className="textarea" {...register('notes')} />}
        </Field>
      </div>

      <div className="form-footer">
        <Button onClick={onCancel} disabled={isSubmitting}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" busy={isSubmitting}>
          {transfer ? t('common.save') : t('transfers.add')}
        </Button>
      </div>
    </form>
  )
}
