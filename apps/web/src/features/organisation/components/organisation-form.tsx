import { Language, OrganisationInput, type Organisation } from '@seloste/schema'
import { Controller, useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ConflictBanner } from '../../../components/form/conflict-banner'
import { formResolver } from '../../../components/form/form-resolver'
import { applyMerge, conflictFields } from '../../../components/form/three-way-merge'
import { ErrorSummary } from '../../../components/form/error-summary'
import { Field } from '../../../components/form/field'
import { FormSection } from '../../../components/form/form-section'
import { errorAt, useSaveFlow } from '../../../components/form/use-save-flow'
import { versionedResolver } from '../../../components/form/versioned-resolver'
import { Button } from '../../../components/ui/button'
import { useFormat } from '../../../lib/format'
import { useUpdateOrganisation } from '../api/update-organisation'
import {
  describeOrganisationValues,
  ORGANISATION_FORM_PATHS,
  organisationFieldLabel,
  organisationToFormValues,
  withoutHiddenAnswers,
  type OrganisationFormValues,
} from '../lib/form-values'
import { AnswerChoice } from './answer-choice'

type Parsed = z.output<typeof OrganisationInput> & { version?: number }

interface OrganisationFormProps {
  /** The organisation as first loaded: its version goes with the update. */
  organisation: Organisation
  onSaved: (organisation: Organisation) => void
}

/**
 * The controller's Art. 30(1)(a) details. Validated in the browser with OrganisationInput, the
 * schema the API checks the merged record with (a DPO or joint controllers marked "yes" must be
 * named), then by the API, whose 400 field errors land beside the same inputs. On a version
 * conflict the typed values stay and the user decides.
 */
export function OrganisationForm({ organisation, onSaved }: OrganisationFormProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const update = useUpdateOrganisation()
  const resolver = versionedResolver<OrganisationFormValues, z.output<typeof OrganisationInput>>(formResolver(OrganisationInput))
  const form = useForm<OrganisationFormValues, unknown, Parsed>({
    defaultValues: organisationToFormValues(organisation),
    resolver,
    shouldFocusError: false,
    mode: 'onTouched',
  })
  const { register, control, handleSubmit, formState, getValues, reset } = form
  const { errors, isSubmitting } = formState
  const labelOf = (path: string) => organisationFieldLabel(t, path)
  const { run, onInvalid, items, conflict, clearConflict, summaryRef, conflictRef } = useSaveFlow<OrganisationFormValues, Organisation>(
    form,
    ORGANISATION_FORM_PATHS,
    labelOf,
  )
  const dpoAppointed = useWatch({ control, name: 'dpoAppointed' })
  const hasJointControllers = useWatch({ control, name: 'hasJointControllers' })
  const representativeNeeded = useWatch({ control, name: 'representativeNeeded' })

  const save = async (values: Parsed) => {
    const input = withoutHiddenAnswers({ ...values, version: values.version ?? organisation.version })
    const result = await run(() => update.mutateAsync(input))
    if (result.ok) {
      reset(organisationToFormValues(result.value))
      onSaved(result.value)
    }
  }
  const onSubmit = handleSubmit(save, onInvalid)
  const err = (path: string) => errorAt(errors, path)

  const labels = Object.fromEntries(ORGANISATION_FORM_PATHS.map((p) => [p, labelOf(p)]))
  const theirs = conflict ? organisationToFormValues(conflict) : null
  const diffs =
    conflict && theirs
      ? conflictFields(form, theirs, describeOrganisationValues(theirs, t), describeOrganisationValues(getValues(), t), labels)
      : []

  return (
    <form className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
      {conflict && (
        <ConflictBanner
          ref={conflictRef}
          title={t('conflict.organisationTitle')}
          savedAt={format.dateTime(conflict.updatedAt)}
          key={conflict.version}
          fields={diffs}
          busy={isSubmitting}
          onReload={() => {
            reset(organisationToFormValues(conflict))
            clearConflict()
          }}
          onMerge={(picks) => {
            // Their changes kept, mine kept, the picked side where both changed; based on their version.
            applyMerge(form, ORGANISATION_FORM_PATHS, theirs!, conflict.version, picks)
            void onSubmit()
          }}
        />
      )}
      <ErrorSummary ref={summaryRef} items={items} />

      <FormSection legend={t('organisation.sections.controller')} description={t('organisation.sections.controllerHint')}>
        <Field name="name" label={labelOf('name')} error={err('name')} required>
          {(c) => <input {...c} className="input" autoComplete="organization" {...register('name')} />}
        </Field>
        <Field name="businessId" label={labelOf('businessId')} hint={t('organisation.hints.businessId')} error={err('businessId')} required>
          {(c) => <input {...c} className="input" autoComplete="off" inputMode="numeric" {...register('businessId')} />}
        </Field>
        <Field name="address" label={labelOf('address')} error={err('address')} className="span-2">
          {(c) => <textarea {...c} rows={2} className="textarea" autoComplete="street-address" {...register('address')} />}
        </Field>
        <Field
          name="defaultLanguage"
          label={labelOf('defaultLanguage')}
          hint={t('organisation.hints.defaultLanguage')}
          error={err('defaultLanguage')}
        >
          {(c) => (
            <select {...c} className="select" {...register('defaultLanguage')}>
              {Language.options.map((l) => (
                <option key={l} value={l}>
                  {t(`language.${l}Name`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </FormSection>

      <FormSection legend={t('organisation.sections.contact')} description={t('organisation.sections.contactHint')}>
        <Field name="privacyContactName" label={labelOf('privacyContactName')} error={err('privacyContactName')}>
          {(c) => <input {...c} className="input" autoComplete="name" {...register('privacyContactName')} />}
        </Field>
        <Field name="privacyContactEmail" label={labelOf('privacyContactEmail')} error={err('privacyContactEmail')}>
          {(c) => <input {...c} type="email" className="input" autoComplete="email" {...register('privacyContactEmail')} />}
        </Field>
      </FormSection>

      <FormSection legend={t('organisation.sections.dpo')} description={t('organisation.sections.dpoHint')}>
        <Controller
          control={control}
          name="dpoAppointed"
          render={({ field }) => (
            <AnswerChoice
              name="dpoAppointed"
              legend={labelOf('dpoAppointed')}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              yesLabel={t('organisation.answer.dpoYes')}
              noLabel={t('organisation.answer.dpoNo')}
              error={err('dpoAppointed')}
            />
          )}
        />
        {dpoAppointed === true && (
          <>
            <Field name="dpoName" label={labelOf('dpoName')} hint={t('organisation.hints.dpoName')} error={err('dpoName')}>
              {(c) => <input {...c} className="input" autoComplete="off" {...register('dpoName')} />}
            </Field>
            <Field name="dpoEmail" label={labelOf('dpoEmail')} error={err('dpoEmail')}>
              {(c) => <input {...c} type="email" className="input" autoComplete="off" {...register('dpoEmail')} />}
            </Field>
          </>
        )}
      </FormSection>

      <FormSection legend={t('organisation.sections.representative')} description={t('organisation.sections.representativeHint')}>
        <Controller
          control={control}
          name="representativeNeeded"
          render={({ field }) => (
            <AnswerChoice
              name="representativeNeeded"
              legend={labelOf('representativeNeeded')}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              yesLabel={t('organisation.answer.representativeYes')}
              noLabel={t('organisation.answer.representativeNo')}
              error={err('representativeNeeded')}
            />
          )}
        />
        {representativeNeeded === true && (
          <>
            <Field name="representative" label={labelOf('representative')} error={err('representative')}>
              {(c) => <input {...c} className="input" autoComplete="off" {...register('representative')} />}
            </Field>
            <Field
              name="representativeContact"
              label={labelOf('representativeContact')}
              hint={t('organisation.hints.representativeContact')}
              error={err('representativeContact')}
            >
              {(c) => <textarea {...c} rows={2} className="textarea" {...register('representativeContact')} />}
            </Field>
          </>
        )}
      </FormSection>

      <FormSection legend={t('organisation.sections.joint')} description={t('organisation.sections.jointHint')}>
        <Controller
          control={control}
          name="hasJointControllers"
          render={({ field }) => (
            <AnswerChoice
              name="hasJointControllers"
              legend={labelOf('hasJointControllers')}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              yesLabel={t('organisation.answer.jointYes')}
              noLabel={t('organisation.answer.jointNo')}
              error={err('hasJointControllers')}
            />
          )}
        />
        {hasJointControllers === true && (
          <Field
            name="jointControllers"
            label={labelOf('jointControllers')}
            hint={t('organisation.hints.jointControllers')}
            error={err('jointControllers')}
            className="span-2"
          >
            {(c) => <textarea {...c} rows={3} className="textarea" {...register('jointControllers')} />}
          </Field>
        )}
      </FormSection>

      <div className="form-footer">
        <Button type="submit" variant="primary" busy={isSubmitting}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  )
}
