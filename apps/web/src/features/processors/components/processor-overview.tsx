import { internationalOrganisationOf, type Processor } from '@seloste/schema'
import { Link } from '@tanstack/react-router'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { VisibilityBadge, ProcessorStatusBadge } from '../../../components/domain/status-badges'
import { Card } from '../../../components/ui/card'
import { paths } from '../../../config/paths'
import { useFormat } from '../../../lib/format'
import { TableScroll } from '../../../components/ui/table-scroll'

function Empty() {
  const { t } = useTranslation()
  return <span className="muted">{t('common.notRecorded')}</span>
}

function ExternalLink({ href }: { href: string | null }) {
  if (!href) return <Empty />
  return (
    <a href={href} target="_blank" rel="noreferrer noopener" className="external-link">
      {href.replace(/^https?:\/\//, '')}
    </a>
  )
}

function Row({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="dl-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}

/** The processor's own fields: who it is, its status, its links and group. */
export function ProcessorOverview({ processor: p }: { processor: Processor }) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <Card title={t('processors.detail.overview')}>
      <dl className="dl">
        <Row label={t('processors.fields.displayName')}>{p.displayName}</Row>
        <Row label={t('processors.fields.displayNameEn')}>{p.displayNameEn ?? <Empty />}</Row>
        <Row label={t('processors.fields.legalName')}>{p.legalName ?? <Empty />}</Row>
        <Row label={t('processors.fields.role')}>{t(`enums.role.${p.role}`)}</Row>
        {p.role === 'international_organisation' && (
          <Row label={t('processors.fields.internationalOrganisationId')}>{internationalOrganisationOf(p)?.[format.lang] ?? <Empty />}</Row>
        )}
        <Row label={t('processors.fields.status')}>
          <ProcessorStatusBadge status={p.status} />
        </Row>
        <Row label={t('processors.fields.period')}>
          {p.startDate || p.endDate ? (
            <>
              {p.startDate ? format.date(p.startDate) : '…'} – {p.endDate ? format.date(p.endDate) : ''}
            </>
          ) : (
            <Empty />
          )}
        </Row>
        <Row label={t('processors.fields.hqCountry')}>{p.hqCountry ? format.country(p.hqCountry) : <Empty />}</Row>
        <Row label={t('processors.fields.parent')}>
          {p.parent ? (
            <Link to={paths.processors.detail.path} params={{ id: String(p.parent.id) }}>
              {format.processor(p.parent)}
            </Link>
          ) : (
            <span className="muted">{t('common.none')}</span>
          )}
        </Row>
        <Row label={t('processors.fields.subsidiaries')}>
          {p.subsidiaries.length ? (
            <ul className="inline-list">
              {p.subsidiaries.map((s) => (
                <li key={s.id}>
                  <Link to={paths.processors.detail.path} params={{ id: String(s.id) }}>
                    {format.processor(s)}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted">{t('common.none')}</span>
          )}
        </Row>
        <Row label={t('processors.fields.isPublic')}>
          <VisibilityBadge isPublic={p.isPublic} />{' '}
          <span className="muted small">{p.isPublic ? t('processors.detail.publicHint') : t('processors.detail.internalHint')}</span>
        </Row>
        <Row label={t('processors.fields.websiteUrl')}>
          <ExternalLink href={p.websiteUrl} />
        </Row>
        <Row label={t('processors.fields.privacyPolicyUrl')}>
          <ExternalLink href={p.privacyPolicyUrl} />
        </Row>
        <Row label={t('processors.fields.dpaUrl')}>
          <ExternalLink href={p.dpaUrl} />
        </Row>
      </dl>
    </Card>
  )
}

/** Service, purpose and disclosure condition in both languages, side by side: both go to the public list. */
export function ProcessorDescriptions({ processor: p }: { processor: Processor }) {
  const { t } = useTranslation()
  const rows = [
    { key: 'service', label: t('processors.fields.service'), value: p.service },
    { key: 'purpose', label: t('processors.fields.purpose'), value: p.purpose },
    { key: 'disclosureCondition', label: t('processors.fields.disclosureCondition'), value: p.disclosureCondition },
  ] as const
  return (
    <Card title={t('processors.detail.descriptions')} description={t('processors.detail.descriptionsHint')}>
      <TableScroll>
        <table className="table table-compact bilingual">
          <thead>
            <tr>
              <td />
              <th scope="col" lang="fi">
                {t('language.fiName')}
              </th>
              <th scope="col" lang="en">
                {t('language.enName')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td lang="fi">{r.value.fi || <span className="muted">{t('common.notRecorded')}</span>}</td>
                <td lang="en">{r.value.en || <span className="muted">{t('common.notRecorded')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <dl className="dl dl-stacked">
        <Row label={t('processors.fields.dataCategories')}>
          <Chips items={p.dataCategories} />
        </Row>
        <Row label={t('processors.fields.dataSubjectCategories')}>
          <Chips items={p.dataSubjectCategories} />
        </Row>
      </dl>
    </Card>
  )
}

function Chips({ items }: { items: string[] }) {
  if (items.length === 0) return <Empty />
  return (
    <ul className="tag-list">
      {items.map((i) => (
        <li key={i} className="tag tag-static">
          {i}
        </li>
      ))}
    </ul>
  )
}

export function ProcessorNotes({ processor: p }: { processor: Processor }) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <Card title={t('processors.fields.internalNotes')} description={t('processors.detail.notesHint')}>
      {p.internalNotes ? <p className="prewrap">{p.internalNotes}</p> : <Empty />}
      <p className="muted small record-meta">
        {t('processors.detail.recordMeta', {
          created: format.dateTime(p.createdAt),
          updated: format.dateTime(p.updatedAt),
          version: p.version,
        })}
      </p>
    </Card>
  )
}
