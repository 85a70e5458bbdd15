import {
  ART9_CONDITION_LABELS,
  DATA_SOURCE_LABELS,
  DATA_SUBJECT_RIGHT_LABELS,
  describeRetention,
  LEGAL_BASIS_LABELS,
  type Activity,
  type Purpose,
} from '@seloste/schema'
import { Link } from '@tanstack/react-router'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { SafeguardBadge } from '../../../components/domain/status-badges'
import { Badge } from '../../../components/ui/badge'
import { Card } from '../../../components/ui/card'
import { paths } from '../../../config/paths'
import { useFormat } from '../../../lib/format'
import { pickText, useLang } from '../lib/text'
import { ActivityStatusBadge, DpiaStatusBadge } from './badges'
import { BilingualText } from './bilingual-text'
import { TableScroll } from '../../../components/ui/table-scroll'

function Row({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="dl-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}

function NotRecorded() {
  const { t } = useTranslation()
  return <span className="muted">{t('common.notRecorded')}</span>
}

function ExternalLink({ href, children }: { href: string; children?: ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noreferrer noopener" className="external-link">
      {children ?? href.replace(/^https?:\/\//, '')}
    </a>
  )
}

/** A name in the UI language, marked with its language when only the other one exists. */
function Name({ name }: { name: { fi: string; en: string } }) {
  const lang = useLang()
  const picked = pickText(name, lang)
  return <span lang={picked.fallback ? picked.lang : undefined}>{picked.text}</span>
}

/** Who answers for the activity, its approval and review: the record's own administration. */
export function ActivityOverview({ activity: a }: { activity: Activity }) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <Card title={t('activities.detail.overview')}>
      <dl className="dl">
        <Row label={t('activities.fields.status')}>
          <ActivityStatusBadge status={a.status} />{' '}
          <span className="muted small">
            {a.status === 'approved' && a.approvedAt
              ? t('activities.detail.approvedBy', { by: a.approvedBy ?? '—', at: format.dateTime(a.approvedAt) })
              : t('activities.detail.notApproved')}
          </span>
          <p className="muted small">{t('activities.detail.draftHint')}</p>
        </Row>
        <Row label={t('activities.fields.owner')}>{a.owner ?? <NotRecorded />}</Row>
        <Row label={t('activities.fields.nextReviewOn')}>{a.nextReviewOn ? format.date(a.nextReviewOn) : <NotRecorded />}</Row>
      </dl>
      <p className="muted small record-meta">
        {t('activities.detail.recordMeta', {
          created: format.dateTime(a.createdAt),
          updated: format.dateTime(a.updatedAt),
          version: a.version,
        })}
      </p>
    </Card>
  )
}

function RetentionText({ retention, empty }: { retention: Activity['retention']; empty?: ReactNode }) {
  const lang = useLang()
  if (!retention) return <>{empty ?? <NotRecorded />}</>
  return <span>{describeRetention(retention, lang)}</span>
}

/** Name and description in both languages, side by side: both go to the exports. */
export function ActivityDescriptions({ activity: a }: { activity: Activity }) {
  const { t } = useTranslation()
  const rows = [
    { key: 'name', label: t('activities.fields.name'), value: a.name },
    { key: 'description', label: t('activities.fields.description'), value: a.description },
  ] as const
  return (
    <Card title={t('activities.detail.nameAndDescription')} description={t('activities.detail.bilingualHint')}>
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
                <td lang="fi" className="prewrap">
                  {r.value.fi || <NotRecorded />}
                </td>
                <td lang="en" className="prewrap">
                  {r.value.en || <NotRecorded />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Card>
  )
}

/** Each purpose with its legal basis and the fields that basis needs. */
export function ActivityPurposes({ activity: a }: { activity: Activity }) {
  const { t } = useTranslation()
  return (
    <Card title={t('activities.detail.purposes')}>
      <ol className="purpose-list">
        {a.purposes.map((p, i) => (
          <li key={i} className="purpose-item">
            <PurposeView purpose={p} n={i + 1} />
          </li>
        ))}
      </ol>
    </Card>
  )
}

function PurposeView({ purpose: p, n }: { purpose: Purpose; n: number }) {
  const { t } = useTranslation()
  const lang = useLang()
  return (
    <article aria-label={t('activities.purposeN', { n })}>
      <h3 className="purpose-heading">{t('activities.purposeN', { n })}</h3>
      <BilingualText value={p.description} />
      <dl className="dl dl-compact">
        <Row label={t('activities.fields.legalBasis')}>
          {p.legalBasis ? (
            <strong>{LEGAL_BASIS_LABELS[p.legalBasis][lang]}</strong>
          ) : (
            <Badge tone="danger">{t('activities.basisNotChosen')}</Badge>
          )}
        </Row>
        {p.legalBasis === 'f' && (
          <>
            <Row label={t('activities.fields.legitimateInterest')}>
              <BilingualText value={p.legitimateInterest} />
            </Row>
            <Row label={t('activities.fields.liaUrl')}>
              {p.liaUrl ? <ExternalLink href={p.liaUrl}>{t('activities.detail.openLia')}</ExternalLink> : <NotRecorded />}
            </Row>
          </>
        )}
        {p.legalBasis === 'a' && (
          <>
            <Row label={t('activities.fields.consentCollection')}>
              <BilingualText value={p.consentCollection} />
            </Row>
            <Row label={t('activities.fields.consentWithdrawal')}>
              <BilingualText value={p.consentWithdrawal} />
            </Row>
          </>
        )}
        {(p.legalBasis === 'c' || p.legalBasis === 'e') && (
          <Row label={t('activities.fields.legalReference')}>{p.legalReference ?? <NotRecorded />}</Row>
        )}
        {p.art9Condition && <Row label={t('activities.fields.art9Condition')}>{ART9_CONDITION_LABELS[p.art9Condition][lang]}</Row>}
      </dl>
    </article>
  )
}

/** Whose data and which data, special categories flagged, each category with its retention. */
export function ActivitySubjectsAndData({ activity: a }: { activity: Activity }) {
  const { t } = useTranslation()
  return (
    <Card title={t('activities.detail.subjectsAndData')}>
      <dl className="dl dl-stacked">
        <Row label={t('activities.fields.dataSubjectCategories')}>
          {a.dataSubjectCategories.length ? (
            <ul className="tag-list">
              {a.dataSubjectCategories.map((c) => (
                <li key={c.id} className="tag tag-static">
                  <Name name={c.name} />
                </li>
              ))}
            </ul>
          ) : (
            <NotRecorded />
          )}
        </Row>
        <Row label={t('activities.fields.retention')}>
          <RetentionText retention={a.retention} />
        </Row>
        <Row label={t('activities.fields.dataCategories')}>
          {a.dataCategories.length ? (
            <TableScroll>
              <table className="table table-compact category-table">
                <caption className="visually-hidden">{t('activities.detail.categoryRetentionCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('activities.detail.category')}</th>
                    <th scope="col">{t('activities.fields.retention')}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.dataCategories.map((c) => (
                    <tr key={c.id}>
                      <th scope="row" className="cell-normal">
                        <Name name={c.name} />
                        {c.special && (
                          <>
                            {' '}
                            <Badge tone="warning" title={t('activities.detail.specialMarker')}>
                              {t('activities.form.specialTag')}
                            </Badge>
                            <span className="visually-hidden"> ({t('activities.detail.specialMarker')})</span>
                          </>
                        )}
                      </th>
                      <td>
                        <RetentionText
                          retention={c.retention}
                          empty={<span className="muted">{t('activities.retention.sameAsActivity')}</span>}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : (
            <NotRecorded />
          )}
        </Row>
      </dl>
    </Card>
  )
}

/** The processors of the registry (links) and the other recipients. */
export function ActivityRecipients({ activity: a }: { activity: Activity }) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <Card title={t('activities.detail.recipients')} description={t('activities.detail.recipientsHint')}>
      <dl className="dl dl-stacked">
        <Row label={t('activities.fields.processors')}>
          {a.processors.length ? (
            <ul className="link-list">
              {a.processors.map((p) => (
                <li key={p.id}>
                  <Link to={paths.processors.detail.path} params={{ id: String(p.id) }}>
                    {format.processor(p)}
                  </Link>{' '}
                  <span className="muted small">
                    {t(`enums.role.${p.role}`)}
                    {p.status !== 'active' && ` · ${t(`enums.processorStatus.${p.status}`)}`}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted">{t('activities.detail.noProcessors')}</span>
          )}
        </Row>
        <Row label={t('activities.fields.otherRecipients')}>
          {a.otherRecipients.length ? (
            <ul className="recipient-list">
              {a.otherRecipients.map((r, i) => (
                <li key={i}>
                  <BilingualText value={r.name} />
                  {(r.condition.fi || r.condition.en) && (
                    <div className="recipient-condition">
                      <span className="muted small">{t('activities.fields.recipientCondition')}</span>
                      <BilingualText value={r.condition} />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted">{t('activities.detail.noOtherRecipients')}</span>
          )}
        </Row>
      </dl>
    </Card>
  )
}

/** Transfers outside the EEA: derived from the linked processors' transfers, never typed here. */
export function ActivityTransfers({ activity: a }: { activity: Activity }) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <Card title={t('activities.detail.transfers')} description={t('activities.detail.transfersHint')} className="card-derived">
      {a.thirdCountryTransfers.length === 0 ? (
        <p className="muted">{t('activities.detail.transfersNone')}</p>
      ) : (
        <TableScroll>
          <table className="table table-compact">
            <caption className="visually-hidden">{t('activities.detail.transfersCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('activities.detail.processor')}</th>
                <th scope="col">{t('activities.detail.country')}</th>
                <th scope="col">{t('activities.detail.kind')}</th>
                <th scope="col">{t('activities.detail.safeguard')}</th>
              </tr>
            </thead>
            <tbody>
              {a.thirdCountryTransfers.map((x) => (
                <tr key={x.transferId}>
                  <th scope="row" className="cell-normal">
                    <Link to={paths.processors.detail.path} params={{ id: String(x.processorId) }}>
                      {format.processor({ displayName: x.processorName, displayNameEn: x.processorNameEn })}
                    </Link>
                  </th>
                  <td>{format.country(x.country)}</td>
                  <td>{t(`enums.transferKind.${x.kind}`)}</td>
                  <td>
                    <SafeguardBadge safeguard={x.safeguard} /> <span className="small">{t(`enums.safeguard.${x.safeguard}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Card>
  )
}

/** Security measures, automated decisions and profiling, the DPIA. */
export function ActivitySafeguards({ activity: a }: { activity: Activity }) {
  const { t } = useTranslation()
  const tri = (v: boolean | null) =>
    v === null ? <span className="muted">{t('activities.notAssessed')}</span> : v ? t('activities.yes') : t('activities.no')
  return (
    <>
      <Card title={t('activities.detail.security')}>
        <BilingualText value={a.securityMeasures} multiline />
      </Card>
      <div className="detail-grid detail-grid-even">
        <Card title={t('activities.detail.adm')}>
          <dl className="dl">
            <Row label={t('activities.fields.automatedDecisionMaking')}>{tri(a.automatedDecisionMaking)}</Row>
            <Row label={t('activities.fields.profiling')}>{tri(a.profiling)}</Row>
            {(a.automatedDecisionMaking || a.profiling) && (
              <Row label={t('activities.fields.automatedDecisionDescription')}>
                <BilingualText value={a.automatedDecisionDescription} />
              </Row>
            )}
          </dl>
        </Card>
        <Card title={t('activities.detail.dpia')}>
          <dl className="dl">
            <Row label={t('activities.fields.status')}>
              <DpiaStatusBadge status={a.dpiaStatus} />
            </Row>
            <Row label={t('activities.fields.dpiaUrl')}>
              {a.dpiaUrl ? <ExternalLink href={a.dpiaUrl}>{t('activities.detail.openDpia')}</ExternalLink> : <NotRecorded />}
            </Row>
          </dl>
        </Card>
      </div>
    </>
  )
}

/** Where the data comes from, and the rights that apply. */
export function ActivitySourcesAndRights({ activity: a }: { activity: Activity }) {
  const { t } = useTranslation()
  const lang = useLang()
  return (
    <Card title={t('activities.detail.sourcesAndRights')}>
      <dl className="dl dl-stacked">
        <Row label={t('activities.fields.sources')}>
          {a.sources.length ? (
            <ul className="bullet-list">
              {a.sources.map((s) => (
                <li key={s}>{DATA_SOURCE_LABELS[s][lang]}</li>
              ))}
            </ul>
          ) : (
            <NotRecorded />
          )}
          {(a.sourcesOther.fi || a.sourcesOther.en) && (
            <div className="sources-other">
              <span className="muted small">{t('activities.fields.sourcesOther')}</span>
              <BilingualText value={a.sourcesOther} />
            </div>
          )}
        </Row>
        <Row label={t('activities.fields.rights')}>
          {a.rights.length ? (
            <ul className="bullet-list">
              {a.rights.map((r) => (
                <li key={r}>{DATA_SUBJECT_RIGHT_LABELS[r][lang]}</li>
              ))}
            </ul>
          ) : (
            <NotRecorded />
          )}
        </Row>
      </dl>
    </Card>
  )
}
