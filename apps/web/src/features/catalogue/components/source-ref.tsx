import type { SourceRef } from '@seloste/schema'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../lib/format'

function host(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

/** Where a catalogue fact came from: the page (a link), the date it showed or was read, and its words. */
export function SourceRefView({ source, what }: { source: SourceRef; what: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <span className="catalogue-source">
      <a href={source.source} target="_blank" rel="noopener noreferrer" aria-label={t('catalogue.openSource', { what })}>
        {host(source.source)}
      </a>
      {', '}
      {t('catalogue.asOf', { date: format.date(source.asOf) })}
      <q className="catalogue-quote">{source.quote}</q>
    </span>
  )
}
