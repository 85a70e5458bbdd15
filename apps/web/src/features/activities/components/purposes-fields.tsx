import {
  ART9_CONDITION_LABELS,
  Art9Condition,
  DEVICE_TRACKING_LABELS,
  DeviceTracking,
  LEGAL_BASIS_LABELS,
  LegalBasis,
  TRACKING_CONSENT_LABELS,
  TrackingConsent,
} from '@seloste/schema'
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/form/field'
import { Button } from '../../../components/ui/button'
import { emptyPurpose, type ActivityFormValues } from '../lib/form-values'
import { useLang } from '../lib/text'

interface PurposesFieldsProps {
  err: (path: string) => string | undefined
  /** Special categories are selected: each purpose then needs its Art. 9(2) condition. */
  special: boolean
}

/** The purposes, each with its legal basis and only the fields that basis needs (Art. 6(1), 6(3), 7, 9(2)). */
export function PurposesFields({ err, special }: PurposesFieldsProps) {
  const { t } = useTranslation()
  const { control } = useFormContext<ActivityFormValues>()
  const { fields, append, remove } = useFieldArray({ control, name: 'purposes' })
  return (
    <div className="purposes span-2">
      {fields.map((field, i) => (
        <PurposeFields key={field.id} index={i} err={err} special={special} onRemove={fields.length > 1 ? () => remove(i) : undefined} />
      ))}
      <div>
        <Button size="sm" onClick={() => append(emptyPurpose(), { shouldFocus: false })}>
          <span aria-hidden="true">+ </span>
          {t('activities.form.addPurpose')}
        </Button>
      </div>
    </div>
  )
}

function PurposeFields({
  index,
  err,
  special,
  onRemove,
}: {
  index: number
  err: (path: string) => string | undefined
  special: boolean
  onRemove?: () => void
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const { register, control } = useFormContext<ActivityFormValues>()
  const basis = useWatch({ control, name: `purposes.${index}.legalBasis` })
  const tracking = useWatch({ control, name: `purposes.${index}.deviceTracking` })
  const at = `purposes.${index}` as const
  const n = index + 1
  const bilingual = (
    field: 'description' | 'legitimateInterest' | 'consentCollection' | 'consentWithdrawal',
    label: string,
    required: boolean,
    rows = 2,
  ) => (
    <>
      <Field
        name={`${at}.${field}`}
        label={`${label} (${t('language.fiName')})`}
        error={err(`${at}.${field}`) ?? err(`${at}.${field}.fi`)}
        required={required}
      >
        {(c) => <textarea {...c} lang="fi" rows={rows} className="textarea" {...register(`${at}.${field}.fi`)} />}
      </Field>
      <Field name={`${at}.${field}.en`} label={`${label} (${t('language.enName')})`} error={err(`${at}.${field}.en`)}>
        {(c) => <textarea {...c} lang="en" rows={rows} className="textarea" {...register(`${at}.${field}.en`)} />}
      </Field>
    </>
  )

  return (
    <fieldset className="purpose">
      <legend className="purpose-legend">{t('activities.purposeN', { n })}</legend>
      {onRemove && (
        <Button size="sm" variant="ghost" className="purpose-remove text-danger" onClick={onRemove}>
          {t('activities.form.removePurpose', { n })}
        </Button>
      )}
      <div className="form-grid">
        {bilingual('description', t('activities.fields.purposeDescription'), true)}
        <Field name={`${at}.legalBasis`} label={t('activities.fields.legalBasis')} error={err(`${at}.legalBasis`)} className="span-2">
          {(c) => (
            <select {...c} className="select" {...register(`${at}.legalBasis`)}>
              <option value="">{t('activities.form.basisUndecided')}</option>
              {LegalBasis.options.map((b) => (
                <option key={b} value={b}>
                  {LEGAL_BASIS_LABELS[b][lang]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {basis === 'f' && (
          <>
            {bilingual('legitimateInterest', t('activities.fields.legitimateInterest'), true)}
            <Field name={`${at}.liaUrl`} label={t('activities.fields.liaUrl')} error={err(`${at}.liaUrl`)} className="span-2">
              {(c) => <input {...c} type="url" inputMode="url" className="input" placeholder="https://" {...register(`${at}.liaUrl`)} />}
            </Field>
          </>
        )}
        {basis === 'a' && (
          <>
            {bilingual('consentCollection', t('activities.fields.consentCollection'), true)}
            {bilingual('consentWithdrawal', t('activities.fields.consentWithdrawal'), true)}
          </>
        )}
        {(basis === 'c' || basis === 'e') && (
          <Field
            name={`${at}.legalReference`}
            label={t('activities.fields.legalReference')}
            hint={t('activities.retention.legalReferenceHint')}
            error={err(`${at}.legalReference`)}
            required
            className="span-2"
          >
            {(c) => <input {...c} className="input" {...register(`${at}.legalReference`)} />}
          </Field>
        )}
        {special && (
          <Field
            name={`${at}.art9Condition`}
            label={t('activities.fields.art9Condition')}
            hint={t('activities.form.art9Hint')}
            error={err(`${at}.art9Condition`)}
            required
            className="span-2"
          >
            {(c) => (
              <select {...c} className="select" {...register(`${at}.art9Condition`)}>
                <option value="">{t('form.choose')}</option>
                {Art9Condition.options.map((k) => (
                  <option key={k} value={k}>
                    {ART9_CONDITION_LABELS[k][lang]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field
          name={`${at}.deviceTracking`}
          label={t('activities.fields.deviceTracking')}
          hint={t('activities.form.deviceTrackingHint')}
          error={err(`${at}.deviceTracking`)}
          className="span-2"
        >
          {(c) => (
            <select {...c} className="select" {...register(`${at}.deviceTracking`)}>
              <option value="">{t('activities.form.notAssessed')}</option>
              {DeviceTracking.options.map((k) => (
                <option key={k} value={k}>
                  {DEVICE_TRACKING_LABELS[k][lang]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {tracking === 'not_strictly_necessary' && (
          <Field
            name={`${at}.trackingConsent`}
            label={t('activities.fields.trackingConsent')}
            error={err(`${at}.trackingConsent`)}
            className="span-2"
          >
            {(c) => (
              <select {...c} className="select" {...register(`${at}.trackingConsent`)}>
                <option value="">{t('activities.form.notAssessed')}</option>
                {TrackingConsent.options.map((k) => (
                  <option key={k} value={k}>
                    {TRACKING_CONSENT_LABELS[k][lang]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field
          name={`${at}.emailMarketing`}
          label={t('activities.fields.emailMarketing')}
          error={err(`${at}.emailMarketing`)}
          className="span-2"
        >
          {(c) => <input {...c} type="checkbox" {...register(`${at}.emailMarketing`)} />}
        </Field>
      </div>
    </fieldset>
  )
}
