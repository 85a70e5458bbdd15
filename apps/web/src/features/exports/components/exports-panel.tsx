import type { Language } from '@seloste/schema'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { buttonClass, Button } from '../../../components/ui/button'
import { Card } from '../../../components/ui/card'
import { useFormat } from '../../../lib/format'
import { latestAsOf, recordUrl, registerUrl, type ExportOptions, type RecordFormat, type RegisterFormat } from '../lib/export-links'

const RECORD_FORMATS: RecordFormat[] = ['xlsx', 'csv', 'json', 'html', 'pdf']
const REGISTER_FORMATS: { format: RegisterFormat; hint: 'registerXlsx' | 'registerCsv' }[] = [
  { format: 'xlsx', hint: 'registerXlsx' },
  { format: 'csv', hint: 'registerCsv' },
]

/**
 * The exports for auditors and the authority, as plain links (same origin, so the session cookie
 * goes with them). The options apply to every link: the language of the files and, optionally,
 * the day whose end the record is rebuilt at from the audit trail.
 */
export function ExportsPanel() {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const id = useId()
  const [lang, setLang] = useState<Language>(i18n.language === 'fi' ? 'fi' : 'en')
  const [asOf, setAsOf] = useState('')
  const max = latestAsOf()
  const invalid = asOf !== '' && (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || asOf > max)
  const options: ExportOptions = { lang, asOf: invalid ? '' : asOf }
  const state = options.asOf ? t('exports.asOfActive', { date: format.date(options.asOf) }) : t('exports.asOfNow')

  return (
    <>
      <Card title={t('exports.options')}>
        <div className="export-options">
          <fieldset className="export-lang">
            <legend className="field-label">{t('exports.language')}</legend>
            <div className="radio-row">
              {(['fi', 'en'] as const).map((l) => (
                <label key={l} className="export-radio">
                  <input type="radio" name={`${id}-lang`} value={l} checked={lang === l} onChange={() => setLang(l)} />
                  {t(l === 'fi' ? 'language.fiName' : 'language.enName')}
                </label>
              ))}
            </div>
          </fieldset>
          <div className={`field ${invalid ? 'field-invalid' : ''}`}>
            <label htmlFor={`${id}-asof`} className="field-label">
              {t('exports.asOf')}
            </label>
            <p id={`${id}-asof-hint`} className="field-hint">
              {t('exports.asOfHint')}
            </p>
            <div className="asof-row">
              <input
                id={`${id}-asof`}
                type="date"
                className="input input-date"
                value={asOf}
                max={max}
                aria-describedby={`${id}-asof-hint${invalid ? ` ${id}-asof-error` : ''}`}
                aria-invalid={invalid || undefined}
                onChange={(e) => setAsOf(e.target.value)}
              />
              {asOf && (
                <Button size="sm" variant="ghost" onClick={() => setAsOf('')}>
                  {t('exports.clearAsOf')}
                </Button>
              )}
            </div>
            {invalid && (
              <p id={`${id}-asof-error`} className="field-error">
                {t('exports.asOfInvalid')}
              </p>
            )}
          </div>
        </div>
        <p className="derived export-state" aria-live="polite">
          {state}
        </p>
      </Card>

      <Card title={t('exports.ropa')} description={t('exports.ropaHint')}>
        <ul className="export-list">
          {RECORD_FORMATS.map((f) => (
            <ExportRow
              key={f}
              format={f}
              href={recordUrl(f, options)}
              hint={t(`exports.formats.${f}`)}
              context={t('exports.ropa')}
              inline={f === 'html'}
            />
          ))}
        </ul>
      </Card>

      <Card title={t('exports.register')} description={t('exports.registerHint')}>
        <ul className="export-list">
          {REGISTER_FORMATS.map(({ format: f, hint }) => (
            <ExportRow
              key={f}
              format={f}
              href={registerUrl(f, options)}
              hint={t(`exports.formats.${hint}`)}
              context={t('exports.register')}
            />
          ))}
        </ul>
      </Card>
    </>
  )
}

function ExportRow({
  format,
  href,
  hint,
  context,
  inline,
}: {
  format: string
  href: string
  hint: string
  context: string
  inline?: boolean
}) {
  const { t } = useTranslation()
  const label = format.toUpperCase()
  return (
    <li className="export-row">
      <span className="export-format" aria-hidden="true">
        {label}
      </span>
      <p className="export-hint">{hint}</p>
      {inline ? (
        <a href={href} target="_blank" rel="noopener" className={buttonClass('secondary', 'sm', 'export-link')}>
          {t('exports.open', { format: label })}
          <span className="visually-hidden">
            {' '}
            — {context} {t('exports.newTab')}
          </span>
        </a>
      ) : (
        <a href={href} download className={buttonClass('secondary', 'sm', 'export-link')}>
          {t('exports.download', { format: label })}
          <span className="visually-hidden"> — {context}</span>
        </a>
      )}
    </li>
  )
}
