import type { NoticeProblem, NoticeText, NoticeTextKey, NoticeTexts } from '@seloste/schema'
import { NOTICE_TEXT_KEYS } from '@seloste/schema'
import { Link } from '@tanstack/react-router'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../../components/ui/alert'
import { Badge } from '../../../components/ui/badge'
import { Button } from '../../../components/ui/button'
import { Card } from '../../../components/ui/card'
import { ErrorState } from '../../../components/ui/error-state'
import { useToast } from '../../../components/ui/toast'
import { paths } from '../../../config/paths'
import { isApiError } from '../../../lib/api-client'
import { useCan } from '../../../lib/auth'
import { useNoticePreview, useNoticeRendered, useNoticeTexts, useNoticeVersions, usePublishNotice, useSaveNoticeTexts } from '../api/notice'

type Lang = 'fi' | 'en'
const LANGS: Lang[] = ['fi', 'en']

/** The privacy notice: administrators write its blocks, fix what blocks it, preview and publish; auditors read. */
export function NoticeManager() {
  const canEdit = useCan('edit')
  return (
    <div className="notice-manager stack">
      <PublishedStatus />
      <Problems />
      <TextsCard editable={canEdit} />
      <PreviewCard />
      {canEdit && <PublishCard />}
      <VersionsCard />
    </div>
  )
}

function PublishedStatus() {
  const { t } = useTranslation()
  const toast = useToast()
  const versions = useNoticeVersions()
  const latest = versions.data?.[0]
  const origin = window.location.origin
  const snippet = (lang: Lang) =>
    `<a href="${origin}/public/notice?lang=${lang}" hreflang="${lang}">${lang === 'fi' ? 'Tietosuojaseloste' : 'Privacy notice'}</a>`
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text)
      toast(t('notice.embed.copied'))
    } catch {
      toast(t('notice.embed.copyFailed'))
    }
  }
  return (
    <Card title={t('notice.status.title')}>
      {latest ? (
        <p data-testid="notice-latest">{t('notice.status.latest', { version: latest.version, date: latest.date })}</p>
      ) : (
        <p>{t('notice.status.none')}</p>
      )}
      {latest && (
        <>
          <ul className="inline-list">
            {LANGS.map((l) => (
              <li key={l}>
                <a href={`/public/notice?lang=${l}`} hrefLang={l}>
                  {t(`notice.status.open.${l}`)}
                </a>
              </li>
            ))}
          </ul>
          <h3>{t('notice.embed.title')}</h3>
          <p className="muted small">{t('notice.embed.help')}</p>
          {LANGS.map((l) => (
            <div key={l} className="markdown-source">
              <pre aria-label={t('notice.embed.label', { language: t(`notice.lang.${l}`) })}>{snippet(l)}</pre>
              <Button size="sm" onClick={() => void copy(snippet(l))}>
                {t('notice.embed.copy', { language: t(`notice.lang.${l}`) })}
              </Button>
            </div>
          ))}
        </>
      )}
    </Card>
  )
}

function ProblemLink({ problem }: { problem: NoticeProblem }) {
  const { t, i18n } = useTranslation()
  const { link } = problem
  if (link.kind === 'activity' && link.id !== null) {
    return (
      <Link to={paths.activities.detail.path} params={{ id: String(link.id) }}>
        {t('notice.problems.openActivity', { name: link.name?.[i18n.language === 'en' ? 'en' : 'fi'] ?? '' })}
      </Link>
    )
  }
  if (link.kind === 'activity') return <Link to={paths.activities.list.path}>{t('notice.problems.openActivities')}</Link>
  if (link.kind === 'public_list') return <Link to={paths.publicList.path}>{t('notice.problems.openPublicList')}</Link>
  if (link.kind === 'notice_texts') return <a href="#notice-texts">{t('notice.problems.openTexts')}</a>
  return <Link to={paths.organisation.path}>{t('notice.problems.organisation')}</Link>
}

function Problems() {
  const { t, i18n } = useTranslation()
  const preview = useNoticePreview()
  const lang: Lang = i18n.language === 'en' ? 'en' : 'fi'
  if (preview.isPending) return null
  if (preview.isError) return <ErrorState error={preview.error} onRetry={() => void preview.refetch()} title={t('notice.loadFailed')} />
  const blocking = preview.data.problems.filter((p) => p.severity === 'blocking')
  const warnings = preview.data.problems.filter((p) => p.severity === 'warning')
  return (
    <Card title={t('notice.problems.title')} description={t('notice.problems.description')}>
      {blocking.length === 0 ? (
        <Alert tone="success">{t('notice.problems.none')}</Alert>
      ) : (
        <Alert tone="danger" title={t('notice.problems.blocking', { count: blocking.length })}>
          <ul data-testid="notice-problems">
            {blocking.map((p, i) => (
              <li key={`${p.code}-${i}`}>
                {p.message[lang]} <ProblemLink problem={p} />
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {warnings.length > 0 && (
        <details>
          <summary>{t('notice.problems.warnings', { count: warnings.length })}</summary>
          <ul>
            {warnings.map((p, i) => (
              <li key={`${p.code}-${i}`}>
                {p.message[lang]} <ProblemLink problem={p} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </Card>
  )
}

function TextsCard({ editable }: { editable: boolean }) {
  const { t } = useTranslation()
  const texts = useNoticeTexts()
  return (
    <Card title={t('notice.texts.title')} description={t('notice.texts.description')}>
      <div id="notice-texts">
        {texts.isPending ? null : texts.isError ? (
          <ErrorState error={texts.error} onRetry={() => void texts.refetch()} title={t('notice.loadFailed')} />
        ) : editable ? (
          <TextsForm key={texts.data.version} texts={texts.data} />
        ) : (
          NOTICE_TEXT_KEYS.map((key) => (
            <div key={key}>
              <h3>{t(`notice.texts.${key}`)}</h3>
              {LANGS.map((l) => (
                <p key={l} lang={l} className="prewrap">
                  {texts.data[key][l] || t('notice.texts.empty')}
                </p>
              ))}
            </div>
          ))
        )}
      </div>
    </Card>
  )
}

function TextsForm({ texts }: { texts: NoticeTexts }) {
  const { t } = useTranslation()
  const toast = useToast()
  const save = useSaveNoticeTexts()
  const [values, setValues] = useState<Record<NoticeTextKey, NoticeText>>({
    summary: texts.summary,
    security: texts.security,
    exercisingRights: texts.exercisingRights,
  })
  const set = (key: NoticeTextKey, lang: Lang, value: string) => setValues((v) => ({ ...v, [key]: { ...v[key], [lang]: value } }))
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate({ ...values, version: texts.version }, { onSuccess: () => toast(t('notice.texts.saved')) })
  }
  return (
    <form onSubmit={onSubmit} className="stack">
      {NOTICE_TEXT_KEYS.map((key) => (
        <fieldset key={key} className="fieldset">
          <legend>{t(`notice.texts.${key}`)}</legend>
          {LANGS.map((l) => (
            <div key={l} className="field">
              <label htmlFor={`notice-${key}-${l}`}>{t(`notice.lang.${l}`)}</label>
              <textarea
                className="textarea"
                id={`notice-${key}-${l}`}
                lang={l}
                rows={4}
                maxLength={5000}
                value={values[key][l]}
                onChange={(e) => set(key, l, e.target.value)}
              />
            </div>
          ))}
        </fieldset>
      ))}
      {save.isError && (
        <Alert tone="danger" role="alert">
          {isApiError(save.error) && save.error.code === 'version_conflict' ? t('notice.texts.conflict') : save.error.message}
        </Alert>
      )}
      <div>
        <Button type="submit" variant="primary" busy={save.isPending}>
          {t('notice.texts.save')}
        </Button>
      </div>
    </form>
  )
}

function PreviewCard() {
  const { t, i18n } = useTranslation()
  const rendered = useNoticeRendered()
  const [lang, setLang] = useState<Lang>(i18n.language === 'en' ? 'en' : 'fi')
  return (
    <Card title={t('notice.preview.title')} description={t('notice.preview.description')}>
      <div role="tablist" aria-label={t('notice.preview.languages')} className="segmented">
        {LANGS.map((l) => (
          <button key={l} type="button" role="tab" aria-selected={lang === l} className="segmented-button" onClick={() => setLang(l)}>
            {t(`notice.lang.${l}`)}
          </button>
        ))}
      </div>
      {rendered.isPending ? null : rendered.isError ? (
        <ErrorState error={rendered.error} onRetry={() => void rendered.refetch()} title={t('notice.loadFailed')} />
      ) : (
        // Server-escaped HTML of the notice's sections (notice/render.ts: h2/h3/p/ul/ol/li/strong/a/span/time only).
        <div
          className="public-preview"
          lang={lang}
          tabIndex={0}
          role="tabpanel"
          aria-label={t('notice.preview.pageLabel', { language: t(`notice.lang.${lang}`) })}
          dangerouslySetInnerHTML={{ __html: rendered.data[lang].html }}
        />
      )}
    </Card>
  )
}

function PublishCard() {
  const { t, i18n } = useTranslation()
  const toast = useToast()
  const preview = useNoticePreview()
  const publish = usePublishNotice()
  const [date, setDate] = useState(() => new Date().toLocaleDateString('sv-SE'))
  if (!preview.data) return null
  const { changes, latest, publishable } = preview.data
  const lang: Lang = i18n.language === 'en' ? 'en' : 'fi'
  const onPublish = () =>
    publish.mutate(
      { basedOnVersion: latest?.version ?? 0, date },
      { onSuccess: (v) => toast(t('notice.publish.done', { version: v.version })) },
    )
  return (
    <Card title={t('notice.publish.title')} description={t('notice.publish.description')}>
      <h3>{t('notice.publish.changes')}</h3>
      {latest === null ? (
        <p>{t('notice.publish.first')}</p>
      ) : changes.length === 0 ? (
        <p>{t('notice.publish.noChanges')}</p>
      ) : (
        <ul data-testid="notice-changes">
          {changes.map((c) => (
            <li key={c.section}>
              <Badge tone={c.kind === 'removed' ? 'danger' : c.kind === 'added' ? 'success' : 'info'}>
                {t(`notice.publish.kind.${c.kind}`)}
              </Badge>{' '}
              {c.heading[lang]}
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor="notice-date">{t('notice.publish.date')}</label>
        <input id="notice-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </div>
      {publish.isError && (
        <Alert tone="danger" role="alert">
          {publish.error.message}
        </Alert>
      )}
      <Button variant="primary" onClick={onPublish} busy={publish.isPending} disabled={!publishable}>
        {t('notice.publish.button')}
      </Button>
      {!publishable && <p className="muted small">{t('notice.publish.blocked')}</p>}
    </Card>
  )
}

function VersionsCard() {
  const { t } = useTranslation()
  const versions = useNoticeVersions()
  if (!versions.data?.length) return null
  return (
    <Card title={t('notice.versions.title')}>
      <ol reversed>
        {versions.data.map((v) => (
          <li key={v.version}>
            <a href={`/public/notice/versions/${v.version}?lang=fi`}>{t('notice.versions.item', { version: v.version, date: v.date })}</a>
          </li>
        ))}
      </ol>
    </Card>
  )
}
