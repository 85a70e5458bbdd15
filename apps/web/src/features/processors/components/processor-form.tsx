import {
  INTERNATIONAL_ORGANISATIONS,
  ProcessorInput,
  ProcessorRole,
  ProcessorStatus,
  type Processor,
  type ProcessorInputParsed,
} from '@seloste/schema'
import { Controller, useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { ConflictBanner } from '../../../components/form/conflict-banner'
import { applyMerge, conflictFields } from '../../../components/form/three-way-merge'
import { CountrySelect } from '../../../components/form/country-select'
import { formResolver } from '../../../components/form/form-resolver'
import { ErrorSummary } from '../../../components/form/error-summary'
import { CheckboxField, Field } from '../../../components/form/field'
import { FormSection } from '../../../components/form/form-section'
import { errorAt, useSaveFlow } from '../../../components/form/use-save-flow'
import { TagInput } from '../../../components/form/tag-input'
import { versionedResolver } from '../../../components/form/versioned-resolver'
import { Button } from '../../../components/ui/button'
import { useFormat } from '../../../lib/format'
import { useCreateProcessor } from '../api/create-processor'
import { useProcessorOptions } from '../api/get-processor-options'
import { useUpdateProcessor } from '../api/update-processor'
import {
  describeProcessorValues,
  PROCESSOR_FORM_PATHS,
  processorFieldLabel,
  processorToFormValues,
  type ProcessorFormValues,
} from '../lib/form-values'

interface ProcessorFormProps {
  /** Edit when given: the processor as loaded; its version goes with the update. */
  processor?: Processor
  initialValues: ProcessorFormValues
  onSaved: (processor: Processor) => void
  onCancel: () => void
}

/** The schemas' output: trimmed, with '' turned into null. */
type Parsed = ProcessorInputParsed & { version?: number }

/**
 * Create and edit a processor. Validated in the browser with the same zod schema the API uses
 * (ProcessorInput; an edit sends the whole record, with the version it was loaded at), then by the API, whose 400 field errors
 * land beside the same inputs. On a version conflict the typed values stay and the user decides.
 */
export function ProcessorForm({ processor, initialValues, onSaved, onCancel }: ProcessorFormProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const isEdit = !!processor
  const create = useCreateProcessor()
  const update = useUpdateProcessor()
  const options = useProcessorOptions()

  const resolver = versionedResolver<ProcessorFormValues, ProcessorInputParsed>(formResolver(ProcessorInput))
  const form = useForm<ProcessorFormValues, unknown, Parsed>({
    defaultValues: initialValues,
    resolver,
    shouldFocusError: false,
    mode: 'onTouched',
  })
  const { register, control, handleSubmit, formState, getValues, reset, setValue } = form
  const role = useWatch({ control, name: 'role' })
  const { errors, isSubmitting } = formState

  const labelOf = (path: string) => processorFieldLabel(t, path)
  const {
    run: runSave,
    onInvalid,
    items: summaryItems,
    conflict,
    clearConflict,
    summaryRef,
    conflictRef,
  } = useSaveFlow<ProcessorFormValues, Processor>(form, PROCESSOR_FORM_PATHS, labelOf)

  const save = async (values: Parsed) => {
    const result = await runSave(() =>
      processor
        ? update.mutateAsync({ id: processor.id, input: { ...values, version: values.version ?? processor.version } })
        : create.mutateAsync(values),
    )
    if (result.ok) onSaved(result.value)
  }

  const onSubmit = handleSubmit(save, onInvalid)

  const parentName = (id: number) => {
    const o = options.data?.find((x) => x.id === id)
    return o ? format.processor(o) : `#${id}`
  }
  const labels = Object.fromEntries(PROCESSOR_FORM_PATHS.map((p) => [p, labelOf(p)]))
  const theirs = conflict ? processorToFormValues(conflict) : null
  const diffs =
    conflict && theirs
      ? conflictFields(
          form,
          theirs,
          describeProcessorValues(theirs, t, format, (id) =>
            conflict.parent?.id === id ? format.processor(conflict.parent) : parentName(id),
          ),
          describeProcessorValues(getValues(), t, format, parentName),
          labels,
        )
      : []

  const err = (path: string) => errorAt(errors, path)

  // Named in the UI's language (the English name where one is recorded), in that language's order.
  const parentOptions = (options.data ?? [])
    .filter((o) => o.id !== processor?.id)
    .map((o) => ({ id: o.id, name: format.processor(o) }))
    .sort((a, b) => format.compare(a.name, b.name))

  return (
    <form className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
      {conflict && (
        <ConflictBanner
          ref={conflictRef}
          title={t('conflict.processorTitle')}
          savedAt={format.dateTime(conflict.updatedAt)}
          key={conflict.version}
          fields={diffs}
          busy={isSubmitting}
          onReload={() => {
            reset(processorToFormValues(conflict))
            clearConflict()
          }}
          onMerge={(picks) => {
            // Their changes kept, mine kept, the picked side where both changed; based on their version.
            applyMerge(form, PROCESSOR_FORM_PATHS, theirs!, conflict.version, picks)
            void onSubmit()
          }}
        />
      )}
      <ErrorSummary ref={summaryRef} items={summaryItems} />

      <FormSection legend={t('processors.form.basics')}>
        <Field
          name="displayName"
          label={t('processors.fields.displayName')}
          hint={t('processors.form.displayNameHint')}
          error={err('displayName')}
          required
        >
          {(c) => <input {...c} className="input" autoComplete="off" {...register('displayName')} />}
        </Field>
        <Field
          name="displayNameEn"
          label={t('processors.fields.displayNameEn')}
          hint={t('processors.form.displayNameEnHint')}
          error={err('displayNameEn')}
        >
          {(c) => <input {...c} className="input" autoComplete="off" lang="en" {...register('displayNameEn')} />}
        </Field>
        <Field name="legalName" label={t('processors.fields.legalName')} hint={t('processors.form.legalNameHint')} error={err('legalName')}>
          {(c) => <input {...c} className="input" autoComplete="off" {...register('legalName')} />}
        </Field>
        <Field name="role" label={t('processors.fields.role')} error={err('role')} required>
          {(c) => (
            <select
              {...c}
              className="select"
              {...register('role', {
                // Which organisation is asked of that role only: another role leaves it unrecorded.
                onChange: (e: { target: { value: string } }) => {
                  if (e.target.value === 'international_organisation') return
                  setValue('internationalOrganisationId', '')
                  setValue('internationalOrganisationName', '')
                },
              })}
            >
              {ProcessorRole.options.map((r) => (
                <option key={r} value={r}>
                  {t(`enums.role.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {role === 'international_organisation' && (
          <>
            <Field
              name="internationalOrganisationId"
              label={t('processors.fields.internationalOrganisationId')}
              hint={t('processors.form.internationalOrganisationHint')}
              error={err('internationalOrganisationId')}
            >
              {(c) => (
                <select {...c} className="select" {...register('internationalOrganisationId')}>
                  <option value="">{t('common.notRecorded')}</option>
                  {INTERNATIONAL_ORGANISATIONS.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name[format.lang]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              name="internationalOrganisationName"
              label={t('processors.fields.internationalOrganisationName')}
              error={err('internationalOrganisationName')}
            >
              {(c) => <input {...c} className="input" autoComplete="off" {...register('internationalOrganisationName')} />}
            </Field>
          </>
        )}
        <Field name="status" label={t('processors.fields.status')} error={err('status')}>
          {(c) => (
            <select {...c} className="select" {...register('status')}>
              {ProcessorStatus.options.map((s) => (
                <option key={s} value={s}>
                  {t(`enums.processorStatus.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="parentId" label={t('processors.fields.parent')} hint={t('processors.form.parentHint')} error={err('parentId')}>
          {(c) => (
            // Controlled: the options arrive after the form is set up, and the select must then show the saved parent.
            <Controller
              control={control}
              name="parentId"
              render={({ field }) => (
                <select
                  {...c}
                  ref={field.ref}
                  className="select"
                  value={field.value ?? ''}
                  onBlur={field.onBlur}
                  onChange={(e) => field.onChange(e.target.value === '' ? null : Number(e.target.value))}
                >
                  <option value="">{t('common.none')}</option>
                  {field.value != null && !parentOptions.some((o) => o.id === field.value) && (
                    <option value={field.value}>
                      {processor?.parent?.id === field.value ? format.processor(processor.parent) : t('common.loading')}
                    </option>
                  )}
                  {parentOptions.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              )}
            />
          )}
        </Field>
        <Field name="hqCountry" label={t('processors.fields.hqCountry')} error={err('hqCountry')}>
          {(c) => <CountrySelect {...c} emptyLabel={t('common.notRecorded')} {...register('hqCountry')} />}
        </Field>
        <Field name="startDate" label={t('processors.fields.startDate')} error={err('startDate')}>
          {(c) => <input {...c} type="date" className="input input-date" {...register('startDate')} />}
        </Field>
        <Field name="endDate" label={t('processors.fields.endDate')} error={err('endDate')}>
          {(c) => <input {...c} type="date" className="input input-date" {...register('endDate')} />}
        </Field>
        <CheckboxField name="isPublic" label={t('processors.form.isPublicLabel')} hint={t('processors.form.isPublicHint')}>
          {(c) => <input {...c} type="checkbox" className="checkbox" {...register('isPublic')} />}
        </CheckboxField>
      </FormSection>

      <FormSection legend={t('processors.form.description')} description={t('processors.form.descriptionHint')}>
        {(['service', 'purpose', 'disclosureCondition'] as const).map((key) =>
          (['fi', 'en'] as const).map((lang) => (
            <Field
              key={`${key}.${lang}`}
              name={`${key}.${lang}`}
              label={labelOf(`${key}.${lang}`)}
              hint={key === 'disclosureCondition' && lang === 'fi' ? t('processors.form.disclosureHint') : undefined}
              error={err(`${key}.${lang}`)}
            >
              {(c) => <textarea {...c} lang={lang} rows={key === 'service' ? 2 : 3} className="textarea" {...register(`${key}.${lang}`)} />}
            </Field>
          )),
        )}
      </FormSection>

      <FormSection legend={t('processors.form.personalData')} description={t('processors.form.tagsHint')}>
        {(['dataCategories', 'dataSubjectCategories'] as const).map((name) => (
          <Field key={name} name={name} label={t(`processors.fields.${name}`)} error={err(name)}>
            {(c) => (
              <Controller
                control={control}
                name={name}
                render={({ field }) => (
                  <TagInput
                    {...c}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    placeholder={t(`processors.form.${name}Placeholder`)}
                  />
                )}
              />
            )}
          </Field>
        ))}
      </FormSection>

      <FormSection legend={t('processors.form.links')}>
        {(['websiteUrl', 'privacyPolicyUrl', 'dpaUrl'] as const).map((name) => (
          <Field key={name} name={name} label={t(`processors.fields.${name}`)} error={err(name)}>
            {(c) => <input {...c} type="url" inputMode="url" className="input" placeholder="https://" {...register(name)} />}
          </Field>
        ))}
      </FormSection>

      <FormSection legend={t('processors.form.internal')} description={t('processors.detail.notesHint')}>
        <Field name="internalNotes" label={t('processors.fields.internalNotes')} error={err('internalNotes')} className="span-2">
          {(c) => <textarea {...c} rows={4} className="textarea" {...register('internalNotes')} />}
        </Field>
      </FormSection>

      <div className="form-footer">
        <Button onClick={onCancel} disabled={isSubmitting}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" busy={isSubmitting}>
          {isEdit ? t('common.save') : t('processors.form.create')}
        </Button>
      </div>
    </form>
  )
}
