import { adequacyCitation, adequacySubjectName, findAdequacyDecision, type Transfer } from '@seloste/schema'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../lib/format'

/** The safeguard with what makes it checkable: the decision, the listing and when it was verified, the module. */
export function SafeguardDetails({ transfer: tr }: { transfer: Transfer }) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const lang = i18n.language === 'fi' ? 'fi' : 'en'
  const detail = (() => {
    switch (tr.safeguard) {
      case 'adequacy': {
        const d = tr.adequacyDecisionId ? findAdequacyDecision(tr.adequacyDecisionId) : undefined
        if (!d) return <span className="text-warning">{t('transfers.details.noDecision')}</span>
        return (
          <>
            {t('transfers.details.decision', { decision: adequacyCitation(d, lang) })}
            {d.internationalOrganisation && <span className="cell-sub">{adequacySubjectName(d, lang)}</span>}
            {d.scope && <span className="cell-sub">{d.scope[lang]}</span>}
          </>
        )
      }
      case 'dpf':
        return (
          <>
            {tr.dpfListingUrl ? (
              <a href={tr.dpfListingUrl} target="_blank" rel="noreferrer noopener" className="external-link">
                {t('transfers.details.dpfListing')}
              </a>
            ) : (
              <span className="text-warning">{t('transfers.details.noListing')}</span>
            )}
            <span className={`cell-sub ${tr.certifiedEntity ? '' : 'text-warning'}`}>
              {tr.certifiedEntity
                ? t('transfers.details.certifiedEntity', { entity: tr.certifiedEntity })
                : t('transfers.details.noCertifiedEntity')}
            </span>
            <span className={`cell-sub ${tr.dpfVerifiedOn ? '' : 'text-warning'}`}>
              {tr.dpfVerifiedOn
                ? t('transfers.details.verifiedOn', { date: format.date(tr.dpfVerifiedOn) })
                : t('transfers.details.notVerified')}
            </span>
          </>
        )
      case 'scc':
        return tr.sccModule ? (
          t(`enums.sccParties.${tr.sccModule as 1 | 2 | 3 | 4}`)
        ) : (
          <span className="text-warning">{t('transfers.details.noModule')}</span>
        )
      case 'derogation_art49':
        return tr.derogation ? t(`enums.derogation.${tr.derogation}`) : null
      case 'other_art46':
        return tr.otherSafeguard
      default:
        return null
    }
  })()
  return (
    <div className="safeguard-details">
      <span className="safeguard-name">
        {tr.safeguard === 'scc' && tr.sccModule
          ? t('transfers.details.sccWithModule', { module: tr.sccModule })
          : t(`enums.safeguard.${tr.safeguard}`)}
      </span>
      {detail && <div className="safeguard-detail">{detail}</div>}
    </div>
  )
}
