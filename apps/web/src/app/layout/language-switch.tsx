import { useTranslation } from 'react-i18next'
import { UI_LANGUAGES } from '../../lib/i18n'

/** FI / EN as two toggle buttons; the choice is remembered in localStorage (see lib/i18n.ts). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')}>
      {UI_LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className="lang-button"
          aria-pressed={i18n.language === lng}
          onClick={() => void i18n.changeLanguage(lng)}
          title={t(`language.${lng}Name`)}
        >
          <span aria-hidden="true">{lng.toUpperCase()}</span>
          <span className="visually-hidden">{t(`language.${lng}Name`)}</span>
        </button>
      ))}
    </div>
  )
}
