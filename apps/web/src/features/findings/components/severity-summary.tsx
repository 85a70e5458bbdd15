import type { SeverityCounts } from '@seloste/schema'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { Skeleton } from '../../../components/ui/skeleton'
import { paths } from '../../../config/paths'
import { useFormat } from '../../../lib/format'
import { SEVERITIES } from '../lib/checks'

/** Three cards, one per severity, with the number of open findings; each opens the list filtered to it. */
export function SeveritySummary({ counts }: { counts: SeverityCounts | undefined }) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <ul className="severity-cards" aria-label={t('findings.openBySeverity')}>
      {SEVERITIES.map((severity) => {
        const count = counts?.[severity]
        return (
          <li key={severity}>
            <Link
              to={paths.overview.path}
              search={{ severity, list: undefined, check: undefined, entity: undefined }}
              hash="findings"
              className={`severity-card severity-card-${severity} ${count === 0 ? 'is-zero' : ''}`}
              resetScroll={false}
            >
              {/* The spaces between the parts keep the link's name readable: "High 3 Fix first: …". */}
              <span className="severity-card-label">{t(`findings.severity.${severity}`)}</span>{' '}
              <span className="severity-card-count">
                {count === undefined ? <Skeleton width="2ch" height="1em" /> : format.number(count)}
              </span>{' '}
              <span className="severity-card-hint">{t(`findings.severityHint.${severity}`)}</span>
            </Link>
          </li>
        )
      })}
    </ul>
  )
}
