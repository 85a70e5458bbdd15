import { describeRetention, RetentionKind, RetentionUnit } from '@seloste/schema'
import { useFormContext, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { CheckboxField, Field } from '../../../components/form/field'
import type { ActivityFormValues, RetentionFormValues } from '../lib/form-values'
import { useLang } from '../lib/text'

type RetentionPath = 'retention' | `dataCategories.${number}.retention`

interface RetentionFieldsProps {
  prefix: RetentionPath
  err: (path: string) => string | undefined
  /** The label of the empty choice: "Not recorded" for the activity, "As for the whole activity" for a category. */
  emptyLabel: string
  /** An accessible name for the kind select where no visible label fits (a category's row). */
  kindLabel?: string
}

/**
 * A retention period: how it is counted decides which inputs show (a length, an event, or both),
 * and the period is read back in words as the exports will say it.
 */
export function RetentionFields({ prefix, err, emptyLabel, kindLabel }: RetentionFieldsProps) {
  const { t } = useTranslation()
  const lang = useLang()
  const { register, control } = useFormContext<ActivityFormValues>()
  const r = useWatch({ control, name: prefix }) as RetentionFormValues
  const counted = r.kind === 'duration' || r.kind === 'duration_after_event'
  const fromEvent = r.kind === 'until_event' || r.kind === 'duration_after_event'
  const preview = previewOf(r, lang)

  return (
    <>
      <Field
        name={`${prefix}.kind`}
        label={kindLabel ?? t('activities.fields.retentionKind')}
        error={err(`${prefix}.kind`)}
        className={kindLabel ? 'span-2 retention-kind-row' : undefined}
      >
        {(c) => (
          <select {...c} className="select" {...register(`${prefix}.kind`)}>
            <option value="">{emptyLabel}</option>
            {RetentionKind.options.map((k) => (
              <option key={k} value={k}>
                {t(`activities.retention.kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {counted && (
        <div className="retention-amount span-2">
          <Field name={`${prefix}.amount`} label={t('activities.fields.amount')} error={err(`${prefix}.amount`)} required>
            {(c) => (
              <input
                {...c}
                type="number"
                inputMode="numeric"
                min={1}
                max={1000}
                step={1}
                className="input input-amount"
                {...register(`${prefix}.amount`)}
              />
            )}
          </Field>
          <Field name={`${prefix}.unit`} label={t('activities.fields.unit')} error={err(`${prefix}.unit`)} required>
            {(c) => (
              <select {...c} className="select" {...register(`${prefix}.unit`)}>
                <option value="">{t('form.choose')}</option>
                {RetentionUnit.options.map((u) => (
                  <option key={u} value={u}>
                    {t(`activities.retention.unit.${u}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <CheckboxField name={`${prefix}.minimum`} label={t('activities.fields.minimum')}>
            {(c) => <input {...c} type="checkbox" className="checkbox" {...register(`${prefix}.minimum`)} />}
          </CheckboxField>
        </div>
      )}
      {fromEvent && (
        <>
          <Field
            name={`${prefix}.event`}
            label={`${t('activities.fields.event')} (${t('language.fiName')})`}
            hint={t('activities.retention.eventHintFi')}
            error={err(`${prefix}.event`) ?? err(`${prefix}.event.fi`)}
            required
          >
            {(c) => <input {...c} lang="fi" className="input" {...register(`${prefix}.event.fi`)} />}
          </Field>
          <Field
            name={`${prefix}.event.en`}
            label={`${t('activities.fields.event')} (${t('language.enName')})`}
            hint={t('activities.retention.eventHintEn')}
            error={err(`${prefix}.event.en`)}
          >
            {(c) => <input {...c} lang="en" className="input" {...register(`${prefix}.event.en`)} />}
          </Field>
        </>
      )}
      {r.kind !== '' && (
        <Field
          name={`${prefix}.legalReference`}
          label={t('activities.fields.retentionLegalReference')}
          hint={t('activities.retention.legalReferenceHint')}
          error={err(`${prefix}.legalReference`)}
          className="span-2"
        >
          {(c) => <input {...c} className="input" {...register(`${prefix}.legalReference`)} />}
        </Field>
      )}
      {preview && (
        <p className="derived span-2" aria-live="polite">
          {t('activities.retention.preview', { text: preview })}
        </p>
      )}
    </>
  )
}

/** The period in words, once it says enough to be read. */
function previewOf(r: RetentionFormValues, lang: 'fi' | 'en'): string {
  if (r.kind === '') return ''
  const counted = r.kind !== 'until_event'
  const amount = Number(r.amount)
  if (counted && (!Number.isInteger(amount) || amount < 1 || !r.unit)) return ''
  if (r.kind !== 'duration' && !r.event.fi.trim() && !r.event.en.trim()) return ''
  return describeRetention(
    {
      kind: r.kind,
      amount: counted ? amount : null,
      unit: counted && r.unit ? r.unit : null,
      minimum: counted && r.minimum,
      event: { fi: r.event.fi.trim(), en: r.event.en.trim() },
      legalReference: r.legalReference.trim() || null,
    },
    lang,
  )
}
