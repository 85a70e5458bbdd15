import type { LocalizedText } from '@seloste/schema'
import { useTranslation } from 'react-i18next'

/**
 * A text kept in both languages, shown as both: the record is bilingual, and a missing
 * translation is something its owner should see. Each line is marked with its language.
 */
export function BilingualText({ value, multiline }: { value: LocalizedText; multiline?: boolean }) {
  const { t } = useTranslation()
  if (!value.fi.trim() && !value.en.trim()) return <span className="muted">{t('common.notRecorded')}</span>
  return (
    <div className={`bilingual-text ${multiline ? 'bilingual-columns' : ''}`}>
      {(['fi', 'en'] as const).map((lang) => (
        <p key={lang} className="bilingual-line">
          <abbr className="lang-tag" title={t(lang === 'fi' ? 'language.fiName' : 'language.enName')}>
            {lang.toUpperCase()}
          </abbr>
          {value[lang].trim() ? (
            <span lang={lang} className={multiline ? 'prewrap' : undefined}>
              {value[lang]}
            </span>
          ) : (
            <span className="muted">{t(`activities.missing.${lang}`)}</span>
          )}
        </p>
      ))}
    </div>
  )
}
