import {
  ActivityInput,
  DATA_SOURCE_LABELS,
  DATA_SUBJECT_RIGHT_LABELS,
  DataSource,
  DataSubjectRight,
  DPIA_STATUS_LABELS,
  DpiaStatus,
  isInEea,
  type Activity,
  type ActivityInputParsed,
  type LocalizedText,
} from '@seloste/schema'
import { useMemo, useRef, type ReactNode } from 'react'
import { Controller, FormProvider, useFieldArray, useForm, type FieldErrors } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { ConflictBanner } from '../../../components/form/conflict-banner'
import { formResolver } from '../../../components/form/form-resolver'
import { applyMerge, conflictFields } from '../../../components/form/three-way-merge'
import { ErrorSummary } from '../../../components/form/error-summary'
import { Field } from '../../../components/form/field'
import { FormSection } from '../../../components/form/form-section'
import { versionedResolver } from '../../../components/form/versioned-resolver'
import { errorAt, useSaveFlow } from '../../../components/form/use-save-flow'
import { Button } from '../../../components/ui/button'
import { useToast } from '../../../components/ui/toast'
import { useFormat } from '../../../lib/format'
import { useCreateActivity } from '../api/create-activity'
import { useProcessorChoices, type ProcessorChoice } from '../api/get-processor-choices'
import { useUpdateActivity } from '../api/update-activity'
import {
  activityCompareLabels,
  activityFieldLabel,
  activityFormPaths,
  activityToFormValues,
  describeActivityValues,
  activityValuePath,
  emptyRetention,
  toActivityInput,
  type ActivityFormValues,
} from '../lib/form-values'
import { activityMessage } from '../lib/messages'
import { nameOf, pickText, useLang } from '../lib/text'
import { ChoiceList, type Choice } from './choice-list'
import { PurposesFields } from './purposes-fields'
import { RetentionFields } from './retention-fields'

export interface VocabularyItem {
  id: number
  name: LocalizedText
  special?: boolean
}

export type NewCategorySlot = (kind: 'data' | 'subject', onCreated: (category: VocabularyItem) => void) => ReactNode

interface ActivityFormProps {
  /** Edit when given: the activity as loaded; its version goes with the update. */
  activity?: Activity
  initialValues: ActivityFormValues
  /** The shared vocabulary (from the vocabulary feature); undefined while it loads. */
  vocabulary: { subjects: VocabularyItem[] | undefined; categories: VocabularyItem[] | undefined }
  /** Adding a category to the vocabulary from the form, for editors (composed by the route). */
  newCategory?: NewCategorySlot
  onSaved: (activity: Activity) => void
  onCancel: () => void
}

type Parsed = ActivityInputParsed & { version?: number }

/** The message the server gives too (with the categories named), translated by lib/messages. */
const ART9_MESSAGE = 'Special categories of personal data are processed: choose the Art. 9(2) condition'
const AMOUNT_RULE = 'Give the length of the period'

/**
 * Create and edit a processing activity. Validated in the browser with the shared schema
 * (ActivityInput, to create and to edit: the form always sends the whole record, an edit with the
 * version it was loaded at), then by the API, whose 400 field errors land beside the
 * same inputs, nested ones too ("purposes.1.legitimateInterest"). On a version conflict the typed
 * values stay and the user decides.
 */
export function ActivityForm({ activity, initialValues, vocabulary, newCategory, onSaved, onCancel }: ActivityFormProps) {
  const { t } = useTranslation()
  const lang = useLang()
  const format = useFormat()
  const toast = useToast()
  const isEdit = !!activity
  const create = useCreateActivity()
  const update = useUpdateActivity()
  const processorChoices = useProcessorChoices()

  // Which categories are special (Art. 9): from the vocabulary, or the loaded record while it loads.
  const specialIds = useMemo(() => {
    const ids = new Set<number>()
    for (const c of vocabulary.categories ?? activity?.dataCategories ?? []) if (c.special) ids.add(c.id)
    return ids
  }, [vocabulary.categories, activity])
  const specialRef = useRef(specialIds)
  specialRef.current = specialIds

  const resolver = useMemo(() => {
    // The API's Art. 9 rule, checked here too because the form knows which categories are special.
    const schema = ActivityInput.superRefine((v, ctx) => {
      if (!v.dataCategories?.some((c) => specialRef.current.has(c.id))) return
      v.purposes?.forEach((p, i) => {
        if (!p.art9Condition) ctx.addIssue({ code: 'custom', path: ['purposes', i, 'art9Condition'], message: ART9_MESSAGE })
      })
    })
    const validate = formResolver(schema, toActivityInput)
    return versionedResolver<ActivityFormValues, ActivityInputParsed>(async (values, context, options) => {
      const result = await validate(values, context, options)
      wholeNumberAmounts(result.errors, t('activities.messages.wholeNumber'))
      return result
    })
  }, [t])

  const form = useForm<ActivityFormValues, unknown, Parsed>({
    defaultValues: initialValues,
    resolver,
    shouldFocusError: false,
    mode: 'onTouched',
  })
  const { register, control, handleSubmit, formState, getValues, reset, watch } = form
  const { errors, isSubmitting } = formState
  const values = watch()
  const selectedCategoryIds = values.dataCategories.map((c) => c.id)
  const special = selectedCategoryIds.some((id) => specialIds.has(id))

  const formPaths = activityFormPaths(values, special)
  const labelOf = (path: string) => activityFieldLabel(t, path)
  const {
    run: runSave,
    onInvalid,
    items: summaryItems,
    conflict,
    clearConflict,
    summaryRef,
    conflictRef,
  } = useSaveFlow<ActivityFormValues, Activity>(form, formPaths, labelOf)

  const err = (path: string) => {
    const message = errorAt(errors, path)
    return message ? activityMessage(t, message) : undefined
  }

  const categories = useFieldArray({ control, name: 'dataCategories', keyName: 'key' })
  const recipients = useFieldArray({ control, name: 'otherRecipients' })

  const save = async (parsed: Parsed) => {
    const result = await runSave(() =>
      activity
        ? update.mutateAsync({ id: activity.id, input: { ...parsed, version: parsed.version ?? activity.version } })
        : create.mutateAsync(parsed),
    )
    if (result.ok) onSaved(result.value)
  }
  const onSubmit = handleSubmit(save, onInvalid)

  // ---- Names for choices and for the conflict comparison ----------------------------------
  const vocabChoices = (items: VocabularyItem[] | undefined, known: VocabularyItem[]): Choice<number>[] => {
    const all = [...(items ?? [])]
    // A saved choice stays visible while the vocabulary loads (or if it was renamed meanwhile).
    for (const k of known) if (!all.some((i) => i.id === k.id)) all.push(k)
    return all
      .map((i) => {
        const picked = pickText(i.name, lang)
        return {
          value: i.id,
          label: picked.text || `#${i.id}`,
          lang: picked.fallback ? picked.lang : undefined,
          extra: i.special ? <span className="badge badge-warning badge-sm">{t('activities.form.specialTag')}</span> : undefined,
        }
      })
      .sort((a, b) => format.compare(a.label, b.label))
  }
  const subjectChoices = vocabChoices(vocabulary.subjects, activity?.dataSubjectCategories ?? [])
  const categoryChoices = vocabChoices(vocabulary.categories, activity?.dataCategories ?? [])
  const processors = processorChoices.data ?? []
  const processorName = (id: number) => {
    const p = processors.find((x) => x.id === id) ?? activity?.processors.find((x) => x.id === id)
    return p ? format.processor(p) : `#${id}`
  }
  const labelFrom = (choices: Choice<number>[]) => (id: number) => choices.find((c) => c.value === id)?.label ?? `#${id}`

  const theirs = conflict ? activityToFormValues(conflict) : null
  const diffs =
    conflict && theirs
      ? conflictFields(
          form,
          theirs,
          describeActivityValues(theirs, t, lang, {
            subject: (id) => nameOf(conflict.dataSubjectCategories.find((c) => c.id === id)?.name ?? { fi: '', en: '' }, lang, id),
            category: (id) => nameOf(conflict.dataCategories.find((c) => c.id === id)?.name ?? { fi: '', en: '' }, lang, id),
            processor: (id) => {
              const p = conflict.processors.find((x) => x.id === id)
              return p ? format.processor(p) : processorName(id)
            },
          }),
          describeActivityValues(getValues(), t, lang, {
            subject: labelFrom(subjectChoices),
            category: labelFrom(categoryChoices),
            processor: processorName,
          }),
          activityCompareLabels(t),
          activityValuePath,
        )
      : []

  const toggleCategories = (ids: number[]) => {
    const current = getValues('dataCategories').map((c) => c.id)
    // Removing from the end first keeps the indexes of the others right.
    current
      .map((id, i) => ({ id, i }))
      .filter(({ id }) => !ids.includes(id))
      .reverse()
      .forEach(({ i }) => categories.remove(i))
    ids
      .filter((id) => !current.includes(id))
      .forEach((id) => categories.append({ id, retention: emptyRetention() }, { shouldFocus: false }))
  }

  const created = (category: VocabularyItem) => toast(t('vocabulary.created', { name: nameOf(category.name, lang, category.id) }))

  // Named in the UI's language (the English name where one is recorded), in that language's order.
  const processorChoiceList: Choice<number>[] = processors.map((p) => ({
    value: p.id,
    label: format.processor(p),
    extra: <ProcessorExtra processor={p} />,
  }))
  for (const p of activity?.processors ?? []) {
    if (!processorChoiceList.some((c) => c.value === p.id)) processorChoiceList.push({ value: p.id, label: format.processor(p) })
  }
  processorChoiceList.sort((a, b) => format.compare(a.label, b.label))
  const outside = values.processorIds
    .map((id) => processors.find((p) => p.id === id))
    .filter((p): p is ProcessorChoice => !!p && p.outsideEea)
    .map(
      (p) =>
        `${format.processor(p)} (${p.countries
          .filter((c) => !isInEea(c))
          .map(format.country)
          .join(', ')})`,
    )

  const items = summaryItems.map((item) => ({ ...item, message: activityMessage(t, item.message) }))
  const bilingual = (
    path: 'name' | 'description' | 'sourcesOther' | 'securityMeasures' | 'automatedDecisionDescription',
    label: string,
    opts: { required?: boolean; rows?: number; hint?: string; whole?: boolean } = {},
  ) => {
    // A text that must exist in one language carries its error on the object path, at the Finnish input.
    const fiName = opts.whole ? path : `${path}.fi`
    const input = (l: 'fi' | 'en', c: object) =>
      opts.rows ? (
        <textarea {...c} lang={l} rows={opts.rows} className="textarea" {...register(`${path}.${l}`)} />
      ) : (
        <input {...c} lang={l} className="input" autoComplete="off" {...register(`${path}.${l}`)} />
      )
    return (
      <>
        <Field
          name={fiName}
          label={`${label} (${t('language.fiName')})`}
          hint={opts.hint}
          error={err(fiName) ?? err(`${path}.fi`)}
          required={opts.required}
        >
          {(c) => input('fi', c)}
        </Field>
        <Field name={`${path}.en`} label={`${label} (${t('language.enName')})`} error={err(`${path}.en`)}>
          {(c) => input('en', c)}
        </Field>
      </>
    )
  }

  return (
    <FormProvider {...form}>
      <form className="form activity-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        {conflict && (
          <ConflictBanner
            ref={conflictRef}
            title={t('activities.form.conflictTitle')}
            savedAt={format.dateTime(conflict.updatedAt)}
            key={conflict.version}
            fields={diffs}
            busy={isSubmitting}
            onReload={() => {
              reset(activityToFormValues(conflict))
              clearConflict()
            }}
            onMerge={(picks) => {
              // Their changes kept, mine kept, the picked side where both changed; based on their version.
              applyMerge(form, Object.keys(activityCompareLabels(t)), theirs!, conflict.version, picks, activityValuePath)
              void onSubmit()
            }}
          />
        )}
        <ErrorSummary ref={summaryRef} items={items} />

        <FormSection legend={t('activities.form.basics')} description={t('activities.form.basicsHint')}>
          {bilingual('name', t('activities.fields.name'), { required: true, whole: true })}
          {bilingual('description', t('activities.fields.description'), { rows: 3 })}
          <Field name="owner" label={t('activities.fields.owner')} hint={t('activities.form.ownerHint')} error={err('owner')}>
            {(c) => <input {...c} className="input" autoComplete="off" {...register('owner')} />}
          </Field>
          <Field
            name="nextReviewOn"
            label={t('activities.fields.nextReviewOn')}
            hint={t('activities.form.nextReviewHint')}
            error={err('nextReviewOn')}
          >
            {(c) => <input {...c} type="date" className="input input-date" {...register('nextReviewOn')} />}
          </Field>
        </FormSection>

        <FormSection legend={t('activities.detail.purposes')} description={t('activities.form.purposesHint')}>
          {err('purposes') && (
            <p id="field-purposes" tabIndex={-1} className="field-error span-2">
              {err('purposes')}
            </p>
          )}
          <PurposesFields err={err} special={special} />
        </FormSection>

        <FormSection legend={t('activities.form.subjectsAndData')} description={t('activities.form.subjectsAndDataHint')}>
          <Controller
            control={control}
            name="dataSubjectCategoryIds"
            render={({ field }) => (
              <ChoiceList
                name="dataSubjectCategoryIds"
                legend={t('activities.fields.dataSubjectCategories')}
                error={err('dataSubjectCategoryIds')}
                choices={subjectChoices}
                value={field.value}
                onChange={field.onChange}
                searchable
                loading={!vocabulary.subjects && subjectChoices.length === 0}
                footer={newCategory?.('subject', (c) => {
                  field.onChange([...getValues('dataSubjectCategoryIds'), c.id])
                  created(c)
                })}
              />
            )}
          />
          <ChoiceList
            name="dataCategories"
            legend={t('activities.fields.dataCategories')}
            error={err('dataCategories')}
            choices={categoryChoices}
            value={selectedCategoryIds}
            onChange={toggleCategories}
            searchable
            loading={!vocabulary.categories && categoryChoices.length === 0}
            footer={newCategory?.('data', (c) => {
              categories.append({ id: c.id, retention: emptyRetention() }, { shouldFocus: false })
              created(c)
            })}
          />
          {categories.fields.length > 0 && (
            <div className="span-2 category-retention">
              <p className="subheading">{t('activities.form.categoryRetention')}</p>
              <p className="field-hint">{t('activities.form.categoryRetentionHint')}</p>
              <ul className="category-retention-list">
                {categories.fields.map((c, i) => (
                  <li key={c.key} className="category-retention-item">
                    <div className="form-grid category-retention-grid">
                      <RetentionFields
                        prefix={`dataCategories.${i}.retention`}
                        err={err}
                        emptyLabel={t('activities.retention.sameAsActivity')}
                        kindLabel={labelFrom(categoryChoices)(c.id)}
                      />
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </FormSection>

        <FormSection legend={t('activities.fields.retention')} description={t('activities.form.retentionHint')}>
          <RetentionFields prefix="retention" err={err} emptyLabel={t('activities.retention.notRecorded')} />
        </FormSection>

        <FormSection legend={t('activities.fields.sources')} description={t('activities.form.sourcesHint')}>
          <Controller
            control={control}
            name="sources"
            render={({ field }) => (
              <ChoiceList
                name="sources"
                legend={t('activities.fields.sources')}
                error={err('sources')}
                choices={DataSource.options.map((s) => ({ value: s, label: DATA_SOURCE_LABELS[s][lang] }))}
                value={field.value}
                onChange={field.onChange}
                columns={2}
                legendHidden
              />
            )}
          />
          {bilingual('sourcesOther', t('activities.fields.sourcesOther'), { rows: 2 })}
        </FormSection>

        <FormSection legend={t('activities.form.recipients')} description={t('activities.form.recipientsHint')}>
          <Controller
            control={control}
            name="processorIds"
            render={({ field }) => (
              <ChoiceList
                name="processorIds"
                legend={t('activities.fields.processors')}
                error={err('processorIds')}
                choices={processorChoiceList}
                value={field.value}
                onChange={field.onChange}
                searchable
                loading={processorChoices.isPending && processorChoiceList.length === 0}
              />
            )}
          />
          {values.processorIds.length > 0 && processorChoices.data && (
            <p className={`derived span-2 ${outside.length ? 'derived-outside' : ''}`} aria-live="polite">
              {outside.length ? t('activities.form.derivedTransfers', { list: outside.join('; ') }) : t('activities.form.derivedNone')}
            </p>
          )}
          <div className="span-2 recipients">
            <div>
              <p className="field-label">{t('activities.fields.otherRecipients')}</p>
              <p className="field-hint">{t('activities.form.otherRecipientsHint')}</p>
            </div>
            {recipients.fields.map((r, i) => (
              <fieldset key={r.id} className="purpose">
                <legend className="purpose-legend">{t('activities.recipientN', { n: i + 1 })}</legend>
                <Button size="sm" variant="ghost" className="purpose-remove text-danger" onClick={() => recipients.remove(i)}>
                  {t('activities.form.removeRecipient', { n: i + 1 })}
                </Button>
                <div className="form-grid">
                  {(['fi', 'en'] as const).map((l) => (
                    <Field
                      key={l}
                      name={l === 'fi' ? `otherRecipients.${i}.name` : `otherRecipients.${i}.name.en`}
                      label={`${t('activities.fields.recipientName')} (${t(l === 'fi' ? 'language.fiName' : 'language.enName')})`}
                      error={
                        l === 'fi'
                          ? (err(`otherRecipients.${i}.name`) ?? err(`otherRecipients.${i}.name.fi`))
                          : err(`otherRecipients.${i}.name.en`)
                      }
                      required={l === 'fi'}
                    >
                      {(c) => <input {...c} lang={l} className="input" {...register(`otherRecipients.${i}.name.${l}`)} />}
                    </Field>
                  ))}
                  {(['fi', 'en'] as const).map((l) => (
                    <Field
                      key={l}
                      name={`otherRecipients.${i}.condition.${l}`}
                      label={`${t('activities.fields.recipientCondition')} (${t(l === 'fi' ? 'language.fiName' : 'language.enName')})`}
                      error={err(`otherRecipients.${i}.condition.${l}`)}
                    >
                      {(c) => <input {...c} lang={l} className="input" {...register(`otherRecipients.${i}.condition.${l}`)} />}
                    </Field>
                  ))}
                </div>
              </fieldset>
            ))}
            <div>
              <Button
                size="sm"
                onClick={() => recipients.append({ name: { fi: '', en: '' }, condition: { fi: '', en: '' } }, { shouldFocus: false })}
              >
                <span aria-hidden="true">+ </span>
                {t('activities.form.addRecipient')}
              </Button>
            </div>
          </div>
        </FormSection>

        <FormSection legend={t('activities.fields.securityMeasures')} description={t('activities.form.securityHint')}>
          {bilingual('securityMeasures', t('activities.fields.securityMeasures'), { rows: 6 })}
        </FormSection>

        <FormSection legend={t('activities.detail.adm')} description={t('activities.form.admHint')}>
          {(['automatedDecisionMaking', 'profiling'] as const).map((name) => (
            <Field key={name} name={name} label={t(`activities.fields.${name}`)} error={err(name)}>
              {(c) => (
                <select {...c} className="select" {...register(name)}>
                  <option value="">{t('activities.notAssessed')}</option>
                  <option value="yes">{t('activities.yes')}</option>
                  <option value="no">{t('activities.no')}</option>
                </select>
              )}
            </Field>
          ))}
          {(values.automatedDecisionMaking === 'yes' || values.profiling === 'yes') &&
            bilingual('automatedDecisionDescription', t('activities.fields.automatedDecisionDescription'), {
              rows: 3,
              required: true,
              whole: true,
            })}
        </FormSection>

        <FormSection legend={t('activities.detail.dpia')}>
          <Field name="dpiaStatus" label={t('activities.fields.status')} error={err('dpiaStatus')}>
            {(c) => (
              <select {...c} className="select" {...register('dpiaStatus')}>
                {DpiaStatus.options.map((s) => (
                  <option key={s} value={s}>
                    {DPIA_STATUS_LABELS[s][lang]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="dpiaUrl" label={t('activities.fields.dpiaUrl')} error={err('dpiaUrl')}>
            {(c) => <input {...c} type="url" inputMode="url" className="input" placeholder="https://" {...register('dpiaUrl')} />}
          </Field>
        </FormSection>

        <FormSection legend={t('activities.fields.rights')} description={t('activities.form.rightsHint')}>
          <Controller
            control={control}
            name="rights"
            render={({ field }) => (
              <ChoiceList
                name="rights"
                legend={t('activities.fields.rights')}
                error={err('rights')}
                choices={DataSubjectRight.options.map((r) => ({ value: r, label: DATA_SUBJECT_RIGHT_LABELS[r][lang] }))}
                value={field.value}
                onChange={field.onChange}
                columns={2}
                legendHidden
              />
            )}
          />
        </FormSection>

        <div className="form-footer">
          <Button onClick={onCancel} disabled={isSubmitting}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" busy={isSubmitting}>
            {isEdit ? t('common.save') : t('activities.form.create')}
          </Button>
        </div>
      </form>
    </FormProvider>
  )
}

/** Role, retired and the countries outside the EEA, beside a processor's name in the picker. */
function ProcessorExtra({ processor: p }: { processor: ProcessorChoice }) {
  const { t } = useTranslation()
  const format = useFormat()
  const outside = p.countries.filter((c) => !isInEea(c))
  return (
    <span className="muted small">
      {t(`enums.role.${p.role}`)}
      {p.status === 'retired' && ` · ${t('activities.form.retired')}`}
      {outside.length > 0 && (
        <span className="marker-outside" title={t('geo.outsideEea')}>
          {outside.map(format.country).join(', ')}
        </span>
      )}
    </span>
  )
}

/** A length that is not a whole number from 1 to 1000 gets one plain message, whatever zod said. */
function wholeNumberAmounts(errors: FieldErrors<ActivityFormValues>, message: string): void {
  const fix = (e: { amount?: { message?: string; type?: string } } | undefined) => {
    if (e?.amount && e.amount.message !== AMOUNT_RULE) e.amount.message = message
  }
  fix(errors.retention as never)
  const list = errors.dataCategories
  if (Array.isArray(list)) list.forEach((c) => fix((c as { retention?: never } | undefined)?.retention))
}
