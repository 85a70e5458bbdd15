import { useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/ui/button'
import { ErrorState } from '../../../components/ui/error-state'
import { Skeleton } from '../../../components/ui/skeleton'
import { useToast } from '../../../components/ui/toast'
import { useRenderedPreview } from '../api/get-rendered-preview'

type Lang = 'fi' | 'en'
const LANGS: Lang[] = ['fi', 'en']

/**
 * The draft as the public page would read, in Finnish or English (tabs), or its Markdown source.
 * The HTML is built and escaped by the server from the registry (only h2/h3/p/ol/ul/li/strong/a/span/time).
 */
export function PreviewPanel() {
  const { t, i18n } = useTranslation()
  const toast = useToast()
  const rendered = useRenderedPreview()
  const [lang, setLang] = useState<Lang>(i18n.language === 'en' ? 'en' : 'fi')
  const [source, setSource] = useState(false)
  const tabRefs = useRef<Record<Lang, HTMLButtonElement | null>>({ fi: null, en: null })

  // Arrow keys move between the two tabs, as in any tab list.
  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'Home' && e.key !== 'End') return
    e.preventDefault()
    const next: Lang = e.key === 'Home' ? 'fi' : e.key === 'End' ? 'en' : lang === 'fi' ? 'en' : 'fi'
    setLang(next)
    tabRefs.current[next]?.focus()
  }

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text)
      toast(t('publicList.preview.copied'))
    } catch {
      toast(t('publicList.preview.copyFailed'))
    }
  }

  const languageName = t(`publicList.preview.${lang}`)
  let body
  if (rendered.isPending) {
    body = (
      <div className="pending-lines" role="status" aria-label={t('publicList.preview.loading')}>
        <Skeleton width="40%" height="1.4rem" />
        <Skeleton width="100%" height="1rem" />
        <Skeleton width="90%" height="1rem" />
        <Skeleton width="75%" height="1rem" />
      </div>
    )
  } else if (rendered.isError) {
    body = <ErrorState error={rendered.error} onRetry={() => void rendered.refetch()} title={t('publicList.loadFailed')} />
  } else {
    const doc = rendered.data[lang]
    body = source ? (
      <div className="markdown-source">
        <div className="markdown-toolbar">
          <Button size="sm" onClick={() => void copy(doc.markdown)}>
            {t('publicList.preview.copy')}
          </Button>
        </div>
        <pre role="region" aria-label={t('publicList.preview.markdownLabel', { language: languageName })} tabIndex={0} lang={lang}>
          {doc.markdown}
        </pre>
      </div>
    ) : (
      // Server-escaped HTML of the list's sections (see the comment above).
      <div
        className="public-preview"
        lang={lang}
        role="region"
        aria-label={t('publicList.preview.pageLabel', { language: languageName })}
        dangerouslySetInnerHTML={{ __html: doc.html }}
      />
    )
  }

  return (
    <div className="preview-panel">
      <div className="preview-toolbar">
        <div role="tablist" aria-label={t('publicList.preview.languages')} className="segmented">
          {LANGS.map((l) => (
            <button
              key={l}
              ref={(el) => {
                tabRefs.current[l] = el
              }}
              type="button"
              role="tab"
              id={`preview-tab-${l}`}
              aria-selected={lang === l}
              aria-controls="preview-tabpanel"
              tabIndex={lang === l ? 0 : -1}
              className="segmented-button"
              onClick={() => setLang(l)}
              onKeyDown={onTabKey}
            >
              <span aria-hidden="true">{l.toUpperCase()}</span>
              <span className="visually-hidden">{t(`publicList.preview.${l}`)}</span>
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label={t('publicList.preview.view')}>
          <button type="button" className="segmented-button" aria-pressed={!source} onClick={() => setSource(false)}>
            {t('publicList.preview.page')}
          </button>
          <button type="button" className="segmented-button" aria-pressed={source} onClick={() => setSource(true)}>
            {t('publicList.preview.markdown')}
          </button>
        </div>
      </div>
      <div role="tabpanel" id="preview-tabpanel" aria-labelledby={`preview-tab-${lang}`} className="preview-body">
        {body}
      </div>
    </div>
  )
}
