import { CATALOGUE_FACTS, ProcessorRole, type CatalogueProposal, type Processor, type ProposedTransfer } from '@seloste/schema'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../../components/ui/alert'
import { Button } from '../../../components/ui/button'
import { useErrorText } from '../../../lib/error-text'
import { useFormat } from '../../../lib/format'
import { useCatalogueProposal, useCreateFromCatalogue } from '../api/catalogue'
import { SourceRefView } from './source-ref'

/** The proposal of one entry for review: every fact with its source and date, each can be left out; then it is saved in one request. */
export function CatalogueProposalReview({
  entryId,
  onBack,
  onSaved,
}: {
  entryId: string
  onBack: () => void
  onSaved: (p: Processor) => void
}) {
  const errorText = useErrorText()
  const [role, setRole] = useState<ProcessorRole>('processor')
  const proposal = useCatalogueProposal(entryId, role)
  if (proposal.isPending) return <p className="muted">…</p>
  if (proposal.isError)
    return (
      <Alert tone="danger" role="alert">
        {errorText(proposal.error)}
      </Alert>
    )
  // Keyed by role: a new role gives a new proposal (the SCC module follows it), and its choices start afresh.
  return (
    <ProposalForm
      key={`${proposal.data.catalogueVersion}:${role}`}
      proposal={proposal.data}
      role={role}
      onRole={setRole}
      onBack={onBack}
      onSaved={onSaved}
    />
  )
}

function ProposalForm({
  proposal,
  role,
  onRole,
  onBack,
  onSaved,
}: {
  proposal: CatalogueProposal
  role: ProcessorRole
  onRole: (r: ProcessorRole) => void
  onBack: () => void
  onSaved: (p: Processor) => void
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const errorText = useErrorText()
  const id = useId()
  const create = useCreateFromCatalogue()
  const [name, setName] = useState(proposal.base.displayName)
  const [useField, setUseField] = useState<Record<string, boolean>>(() => Object.fromEntries(proposal.fields.map((f) => [f.field, true])))
  const [useTransfer, setUseTransfer] = useState<boolean[]>(() => proposal.transfers.map(() => true))
  const [option, setOption] = useState<number[]>(() => proposal.transfers.map(() => 0))
  const e = proposal.entry

  const fieldText = (field: string, value: string | number, label: string | null) =>
    field === 'hqCountry'
      ? format.country(String(value))
      : field === 'parentId'
        ? (proposal.parentMatch?.displayName ?? label ?? String(value))
        : String(value)
  const where = (tr: ProposedTransfer) => `${format.country(tr.country)}, ${t(`enums.transferKind.${tr.kind}`)}`

  const save = () => {
    const fields = Object.fromEntries(proposal.fields.filter((f) => useField[f.field]).map((f) => [f.field, f.value]))
    create.mutate(
      {
        id: proposal.catalogueId,
        input: {
          catalogueVersion: proposal.catalogueVersion,
          processor: { displayName: name, role, service: proposal.base.service, websiteUrl: proposal.base.websiteUrl, ...fields },
          transfers: proposal.transfers.flatMap((tr, i) => (useTransfer[i] ? [tr.options[option[i] ?? 0]!.input] : [])) as never,
        },
      },
      { onSuccess: onSaved },
    )
  }

  const unknown = CATALOGUE_FACTS.filter((f) => proposal.unknown.includes(f))
  return (
    <div className="catalogue-proposal">
      <h3 className="card-title">{t('catalogue.proposal.title', { name: e.name })}</h3>
      <p className="muted">{t('catalogue.proposal.intro')}</p>
      {create.isError && (
        <Alert tone="danger" role="alert">
          {errorText(create.error)}
          {create.error && 'fields' in create.error && Array.isArray(create.error.fields) && create.error.fields.length > 0 && (
            <ul>
              {create.error.fields.map((f) => (
                <li key={f.path}>
                  {f.path}: {f.message}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-name`} className="field-label">
            {t('catalogue.proposal.name')}
          </label>
          <input id={`${id}-name`} className="input" value={name} onChange={(ev) => setName(ev.target.value)} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`} className="field-label">
            {t('catalogue.proposal.role')}
          </label>
          <select id={`${id}-role`} className="select" value={role} onChange={(ev) => onRole(ev.target.value as ProcessorRole)}>
            {ProcessorRole.options.map((r) => (
              <option key={r} value={r}>
                {t(`enums.role.${r}`)}
              </option>
            ))}
          </select>
        </div>
      </div>

      <h4 className="catalogue-subtitle">{t('catalogue.proposal.facts')}</h4>
      <ul className="catalogue-facts">
        {proposal.fields.map((f) => {
          const label = t(`catalogue.fields.${f.field}`)
          return (
            <li key={f.field}>
              <input
                id={`${id}-f-${f.field}`}
                type="checkbox"
                className="checkbox"
                checked={useField[f.field] ?? false}
                onChange={(ev) => setUseField((u) => ({ ...u, [f.field]: ev.target.checked }))}
                aria-label={t('catalogue.proposal.use', { what: label })}
              />
              <div>
                <label htmlFor={`${id}-f-${f.field}`} className="field-label">
                  {label}: <span className="catalogue-value">{fieldText(f.field, f.value, f.label)}</span>
                </label>
                <SourceRefView source={f.source} what={label} />
              </div>
            </li>
          )
        })}
      </ul>

      <h4 className="catalogue-subtitle">{t('catalogue.proposal.transfers')}</h4>
      {proposal.transfers.length === 0 ? (
        <p className="muted">{t('catalogue.proposal.noTransfers')}</p>
      ) : (
        <ul className="catalogue-facts">
          {proposal.transfers.map((tr, i) => (
            <li key={`${tr.country}:${tr.kind}`}>
              <input
                id={`${id}-t-${i}`}
                type="checkbox"
                className="checkbox"
                checked={useTransfer[i] ?? false}
                onChange={(ev) => setUseTransfer((u) => u.map((v, j) => (j === i ? ev.target.checked : v)))}
                aria-label={t('catalogue.proposal.use', { what: where(tr) })}
              />
              <div>
                <label htmlFor={`${id}-t-${i}`} className="field-label">
                  {where(tr)}
                </label>
                <SourceRefView source={tr.location} what={where(tr)} />
                <div className="catalogue-mechanism">
                  <label htmlFor={`${id}-m-${i}`} className="visually-hidden">
                    {t('catalogue.proposal.mechanism', { where: where(tr) })}
                  </label>
                  <select
                    id={`${id}-m-${i}`}
                    className="select select-sm"
                    value={option[i] ?? 0}
                    disabled={!useTransfer[i]}
                    onChange={(ev) => setOption((o) => o.map((v, j) => (j === i ? Number(ev.target.value) : v)))}
                  >
                    {tr.options.map((o, k) => (
                      <option key={k} value={k}>
                        {t(`enums.safeguard.${o.input.safeguard}`)}
                        {o.input.sccModule ? ` (${o.input.sccModule})` : ''} · {t(`catalogue.reason.${o.reason}`)}
                      </option>
                    ))}
                  </select>
                  {tr.options[option[i] ?? 0]?.basis && (
                    <SourceRefView
                      source={tr.options[option[i] ?? 0]!.basis!}
                      what={t(`enums.safeguard.${tr.options[option[i] ?? 0]!.input.safeguard}`)}
                    />
                  )}
                  {tr.options[option[i] ?? 0]?.input.certifiedEntity && (
                    <p className="cell-sub">
                      {t('catalogue.proposal.certifiedEntity', { entity: tr.options[option[i] ?? 0]!.input.certifiedEntity })}
                    </p>
                  )}
                  {tr.dpfEntity && <p className="cell-sub">{t('catalogue.proposal.dpfOther', { entity: tr.dpfEntity })}</p>}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}

      {(e.subprocessorsUrl || e.parentGroup) && (
        <>
          <h4 className="catalogue-subtitle">{t('catalogue.proposal.links')}</h4>
          <ul className="catalogue-facts catalogue-facts-plain">
            {e.parentGroup && !proposal.parentMatch && (
              <li>
                <div>
                  {t('catalogue.facts.parentGroup')}: <span className="catalogue-value">{e.parentGroup.value}</span>{' '}
                  <SourceRefView source={e.parentGroup} what={t('catalogue.facts.parentGroup')} />
                </div>
              </li>
            )}
            {e.subprocessorsUrl && (
              <li>
                <div>
                  <a href={e.subprocessorsUrl.value} target="_blank" rel="noopener noreferrer">
                    {t('catalogue.facts.subprocessorsUrl')}
                  </a>{' '}
                  <SourceRefView source={e.subprocessorsUrl} what={t('catalogue.facts.subprocessorsUrl')} />
                </div>
              </li>
            )}
          </ul>
        </>
      )}
      {unknown.length > 0 && (
        <p className="muted">{t('catalogue.proposal.unknown', { facts: unknown.map((f) => t(`catalogue.facts.${f}`)).join(', ') })}</p>
      )}

      <div className="catalogue-actions">
        <Button variant="primary" busy={create.isPending} onClick={save} disabled={!name.trim()}>
          {t('catalogue.proposal.save')}
        </Button>
        <Button variant="ghost" onClick={onBack}>
          {t('catalogue.proposal.back')}
        </Button>
      </div>
    </div>
  )
}
