import type { ImportPreview, ImportResult, ImportRowStatus, ImportTarget, Language } from '@seloste/schema'
import { Link } from '@tanstack/react-router'
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../../components/ui/alert'
import { Badge, type Tone } from '../../../components/ui/badge'
import { Button } from '../../../components/ui/button'
import { TableScroll } from '../../../components/ui/table-scroll'
import { paths } from '../../../config/paths'
import { isApiError } from '../../../lib/api-client'
import { useErrorText } from '../../../lib/error-text'
import { useCommitImport, useCreateImport, useUpdateImportMapping } from '../api/imports'

const STATUS_TONE: Record<ImportRowStatus, Tone> = {
  create: 'success',
  update: 'info',
  unchanged: 'neutral',
  conflict: 'warning',
  error: 'danger',
}
const STATUSES: ImportRowStatus[] = ['create', 'update', 'unchanged', 'conflict', 'error']

/** The API's problem: its message, and the field messages when it names fields. */
function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const fields = isApiError(error) ? error.fields : []
  return (
    <Alert tone="danger" role="alert" title={t('imports.failed')}>
      <p>{errorText(error)}</p>
      {fields.length > 0 && (
        <ul className="import-problems">
          {fields.slice(0, 20).map((f, i) => (
            <li key={i}>{f.message}</li>
          ))}
        </ul>
      )}
    </Alert>
  )
}

/**
 * Upload, mapping and preview, then confirm: nothing is written until the user confirms, and then
 * every row or none.
 */
export function ImportWizard() {
  const { t, i18n } = useTranslation()
  const lang = (i18n.language === 'fi' ? 'fi' : 'en') as Language
  const fileId = useId()
  const [file, setFile] = useState<File | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [result, setResult] = useState<ImportResult | null>(null)
  const [columns, setColumns] = useState<(string | null)[]>([])
  const [values, setValues] = useState<Record<string, string>>({})
  const [target, setTarget] = useState<ImportTarget>('processors')
  const [language, setLanguage] = useState<Language>('fi')
  const upload = useCreateImport()
  const remap = useUpdateImportMapping()
  const commit = useCommitImport()

  const show = (p: ImportPreview) => {
    setPreview(p)
    setColumns(p.columns.map((c) => c.field))
    setValues(Object.fromEntries(p.values.map((v) => [`${v.field}\u0000${v.raw}`, v.value])))
    setTarget(p.target)
    setLanguage(p.language)
  }

  const onUpload = (e: FormEvent) => {
    e.preventDefault()
    if (!file) return
    setResult(null)
    commit.reset()
    upload.mutate(file, { onSuccess: show })
  }

  const onApply = () => {
    if (!preview) return
    const mapping = {
      target,
      language,
      columns: target === preview.target ? columns : columns.map(() => null),
      values: Object.entries(values)
        .filter(([, v]) => v !== '')
        .map(([k, value]) => {
          const [field, raw] = k.split('\u0000') as [string, string]
          return { field, raw, value }
        }),
    }
    remap.mutate({ id: preview.id, mapping }, { onSuccess: show })
  }

  const onCommit = () => {
    if (!preview) return
    commit.mutate(preview.id, {
      onSuccess: (r) => {
        setResult(r)
        setPreview(null)
        setFile(null)
        upload.reset()
      },
    })
  }

  const blocked = preview ? preview.counts.error + preview.counts.conflict > 0 : true
  const writes = preview ? preview.counts.create + preview.counts.update : 0
  const fieldLabel = (key: string) => preview?.fields.find((f) => f.key === key)?.label[lang] ?? key

  return (
    <div className="import-wizard">
      {result && (
        <Alert tone="success" title={t('imports.done.title')}>
          <p>{t('imports.done.text', { created: result.created.length, updated: result.updated.length, unchanged: result.unchanged })}</p>
          <p>
            <Link to={result.target === 'processors' ? paths.processors.list.path : paths.activities.list.path}>
              {result.target === 'processors' ? t('imports.done.openProcessors') : t('imports.done.openActivities')}
            </Link>
          </p>
        </Alert>
      )}

      <section className="card card-pad" aria-labelledby="import-step-file">
        <h2 className="card-title" id="import-step-file">
          {t('imports.steps.file')}
        </h2>
        <p className="muted">{t('imports.fileHint')}</p>
        <form className="import-upload" onSubmit={onUpload}>
          <div className="field">
            <label className="field-label" htmlFor={fileId}>
              {t('imports.fileLabel')}
            </label>
            <input
              id={fileId}
              className="input"
              type="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <Button type="submit" variant="primary" disabled={!file} busy={upload.isPending}>
            {t('imports.upload')}
          </Button>
        </form>
        {upload.isError && <ProblemAlert error={upload.error} />}
      </section>

      {preview && (
        <section className="card card-pad" aria-labelledby="import-step-mapping">
          <h2 className="card-title" id="import-step-mapping">
            {t('imports.steps.mapping')}
          </h2>
          <p className="muted">{t('imports.mappingIntro', { file: preview.fileName, sheet: preview.sheet, row: preview.headerRow })}</p>
          <div className="form-grid import-settings">
            <div className="field">
              <label className="field-label" htmlFor="import-target">
                {t('imports.target')}
              </label>
              <select id="import-target" className="select" value={target} onChange={(e) => setTarget(e.target.value as ImportTarget)}>
                <option value="processors">{t('imports.targets.processors')}</option>
                <option value="activities">{t('imports.targets.activities')}</option>
              </select>
            </div>
            <div className="field">
              <label className="field-label" htmlFor="import-language">
                {t('imports.language')}
              </label>
              <select id="import-language" className="select" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
                <option value="fi">{t('language.fiName')}</option>
                <option value="en">{t('language.enName')}</option>
              </select>
            </div>
          </div>
          <TableScroll>
            <table className="table table-compact import-columns">
              <caption className="visually-hidden">{t('imports.columnsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('imports.column')}</th>
                  <th scope="col">{t('imports.field')}</th>
                  <th scope="col">{t('imports.unmatched')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.columns.map((c) => {
                  const field = columns[c.index] ?? null
                  const def = preview.fields.find((f) => f.key === field)
                  return (
                    <tr key={c.index}>
                      <th scope="row">{c.header || t('imports.noHeader', { n: c.index + 1 })}</th>
                      <td>
                        <select
                          className="select select-sm"
                          aria-label={t('imports.fieldFor', { column: c.header || c.index + 1 })}
                          value={field ?? ''}
                          onChange={(e) => setColumns(columns.map((v, i) => (i === c.index ? e.target.value || null : v)))}
                        >
                          <option value="">{t('imports.notImported')}</option>
                          {preview.fields.map((f) => (
                            <option key={f.key} value={f.key}>
                              {f.label[lang]}
                            </option>
                          ))}
                        </select>
                        {!field && c.note && <p className="field-hint">{t('imports.derivedNote')}</p>}
                      </td>
                      <td>
                        {c.unmatchedValues.length === 0 ? (
                          <span className="muted">{t('common.empty')}</span>
                        ) : (
                          <ul className="import-values">
                            {c.unmatchedValues.map((raw) => {
                              const key = `${field}\u0000${raw}`
                              return (
                                <li key={raw}>
                                  <span className="import-raw">“{raw}”</span>
                                  {def?.options ? (
                                    <select
                                      className="select select-sm"
                                      aria-label={t('imports.valueFor', { value: raw })}
                                      value={values[key] ?? ''}
                                      onChange={(e) => setValues({ ...values, [key]: e.target.value })}
                                    >
                                      <option value="">{t('imports.unmatchedChoose')}</option>
                                      {def.options.map((o) => (
                                        <option key={o.value} value={o.value}>
                                          {o.label[lang]}
                                        </option>
                                      ))}
                                    </select>
                                  ) : (
                                    <input
                                      className="input input-sm"
                                      aria-label={t('imports.valueFor', { value: raw })}
                                      placeholder={t('imports.codePlaceholder')}
                                      value={values[key] ?? ''}
                                      onChange={(e) => setValues({ ...values, [key]: e.target.value })}
                                    />
                                  )}
                                </li>
                              )
                            })}
                          </ul>
                        )}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </TableScroll>
          <div className="import-actions">
            <Button onClick={onApply} busy={remap.isPending}>
              {t('imports.applyMapping')}
            </Button>
          </div>
          {remap.isError && <ProblemAlert error={remap.error} />}
        </section>
      )}

      {preview && (
        <section className="card card-pad" aria-labelledby="import-step-preview">
          <h2 className="card-title" id="import-step-preview">
            {t('imports.steps.preview')}
          </h2>
          <p className="import-counts" role="status">
            {STATUSES.map((s) => (
              <Badge key={s} tone={STATUS_TONE[s]}>
                {t(`imports.status.${s}`)}: {preview.counts[s] ?? 0}
              </Badge>
            ))}
          </p>
          <TableScroll>
            <table className="table table-compact import-preview">
              <caption className="visually-hidden">{t('imports.previewCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('imports.row')}</th>
                  <th scope="col">{t('imports.name')}</th>
                  <th scope="col">{t('imports.statusLabel')}</th>
                  <th scope="col">{t('imports.details')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.row}>
                    <td className="nowrap">{r.row}</td>
                    <th scope="row">{r.name || t('common.empty')}</th>
                    <td>
                      <Badge tone={STATUS_TONE[r.status]}>{t(`imports.status.${r.status}`)}</Badge>
                    </td>
                    <td>
                      {r.problems.length > 0 ? (
                        <ul className="import-problems">
                          {r.problems.map((p, i) => (
                            <li key={i}>
                              {t('imports.problem', { row: p.row ?? r.row, column: p.column ?? t('common.empty'), message: p.message })}
                            </li>
                          ))}
                        </ul>
                      ) : r.status === 'update' ? (
                        t('imports.changes', { fields: r.changes.map(fieldLabel).join(', ') })
                      ) : (
                        <span className="muted">{t('common.empty')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {blocked ? (
            <Alert tone="warning" title={t('imports.blockedTitle')}>
              <p>{t('imports.blockedText')}</p>
            </Alert>
          ) : (
            <p className="muted">{t('imports.confirmHint')}</p>
          )}
          <div className="import-actions">
            <Button variant="primary" onClick={onCommit} disabled={blocked || writes === 0} busy={commit.isPending}>
              {t('imports.confirm', { count: writes })}
            </Button>
          </div>
          {commit.isError && <ProblemAlert error={commit.error} />}
        </section>
      )}
    </div>
  )
}
