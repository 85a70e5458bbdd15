import { DPA_DOCUMENT_MAX_BYTES, type Dpa } from '@seloste/schema'
import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../../components/ui/alert'
import { Button } from '../../../components/ui/button'
import { useCan } from '../../../lib/auth'
import { useErrorText } from '../../../lib/error-text'
import { useFormat } from '../../../lib/format'
import { dpaDocumentUrl, useRemoveDpaDocument, useUploadDpaDocument } from '../api/upload-dpa-document'

/** The signed agreement as a PDF: download it, or upload (or replace) it. */
export function DpaDocument({ dpa }: { dpa: Dpa }) {
  const { t } = useTranslation()
  const format = useFormat()
  const canEdit = useCan('edit')
  const errorText = useErrorText()
  const inputId = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const [file, setFile] = useState<File | null>(null)
  const [localError, setLocalError] = useState<string | null>(null)
  const upload = useUploadDpaDocument()
  const remove = useRemoveDpaDocument()
  const doc = dpa.document

  const onUpload = () => {
    if (!file) return
    if (file.size > DPA_DOCUMENT_MAX_BYTES) {
      setLocalError(t('dpas.document.tooLarge', { max: format.bytes(DPA_DOCUMENT_MAX_BYTES) }))
      return
    }
    upload.mutate(
      { dpaId: dpa.id, file },
      {
        onSuccess: () => {
          setFile(null)
          if (inputRef.current) inputRef.current.value = ''
        },
      },
    )
  }

  const error = localError ?? (upload.error ? errorText(upload.error) : remove.error ? errorText(remove.error) : null)

  return (
    <div className="dpa-document">
      <h3 className="subheading">{t('dpas.document.title')}</h3>
      {doc ? (
        <p className="document-row">
          <a href={dpaDocumentUrl(dpa.id)} download={doc.fileName} className="document-link">
            <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
              <path d="M4 1h5l4 4v10H4z" fill="none" stroke="currentColor" strokeWidth="1.3" />
              <path d="M9 1v4h4" fill="none" stroke="currentColor" strokeWidth="1.3" />
            </svg>
            {t('dpas.document.download', { name: doc.fileName })}
          </a>
          <span className="muted small">
            {t('dpas.document.meta', { size: format.bytes(doc.size), date: format.dateTime(doc.uploadedAt) })}
            {` (${t('dpas.document.bytes', { count: doc.size, formatted: format.number(doc.size) })})`}
          </span>
          <span className="muted small document-hash">
            SHA-256: <code>{doc.sha256}</code>
          </span>
          {canEdit && (
            <Button
              size="sm"
              variant="ghost"
              className="text-danger"
              busy={remove.isPending}
              onClick={() => remove.mutate({ dpaId: dpa.id })}
            >
              {t('dpas.document.remove')}
            </Button>
          )}
        </p>
      ) : (
        <p className="muted">{t('dpas.document.none')}</p>
      )}
      {canEdit && (
        <div className="upload-row">
          <label htmlFor={inputId} className="field-label">
            {doc ? t('dpas.document.replaceLabel') : t('dpas.document.uploadLabel')}
          </label>
          <div className="upload-controls">
            {/* The native picker's own text follows the browser's language, not the app's: it is hidden
                (still focusable and labelled) behind a button-styled label in the UI language. */}
            <input
              ref={inputRef}
              id={inputId}
              type="file"
              accept="application/pdf,.pdf"
              className="file-input visually-hidden"
              aria-describedby={`${inputId}-hint ${inputId}-chosen`}
              onChange={(e) => {
                setLocalError(null)
                upload.reset()
                setFile(e.target.files?.[0] ?? null)
              }}
            />
            <label htmlFor={inputId} className="btn btn-secondary btn-sm file-button" aria-hidden="true">
              {t('dpas.document.choose')}
            </label>
            <span id={`${inputId}-chosen`} className={file ? 'file-chosen' : 'muted small'}>
              {file ? `${file.name} (${format.bytes(file.size)})` : t('dpas.document.noFile')}
            </span>
            <Button size="sm" onClick={onUpload} disabled={!file} busy={upload.isPending}>
              {t('dpas.document.upload')}
            </Button>
          </div>
          <p id={`${inputId}-hint`} className="field-hint">
            {t('dpas.document.hint', { max: format.bytes(DPA_DOCUMENT_MAX_BYTES) })}
          </p>
        </div>
      )}
      {error && (
        <Alert tone="danger" role="alert">
          {error}
        </Alert>
      )}
    </div>
  )
}
