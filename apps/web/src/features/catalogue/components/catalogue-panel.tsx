import { CATALOGUE_FACTS, type CatalogueDiff, type Processor } from '@seloste/schema'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../../components/ui/alert'
import { Button } from '../../../components/ui/button'
import { Card } from '../../../components/ui/card'
import { Dialog } from '../../../components/ui/dialog'
import { TableScroll } from '../../../components/ui/table-scroll'
import { useToast } from '../../../components/ui/toast'
import { useCan } from '../../../lib/auth'
import { useErrorText } from '../../../lib/error-text'
import { useFormat, type Formatters } from '../../../lib/format'
import { useAcceptCatalogueDiff, useCatalogueDiff, useDismissCatalogueDiff, useLinkToCatalogue } from '../api/catalogue'
import { CatalogueSearch } from './catalogue-search'
import { SourceRefView } from './source-ref'

/** The few labels `show` needs, so that it stays a plain function. */
type Labels = { notRecorded: string; unknown: string; safeguard: (s: string) => string }

/** A value of the record or the catalogue as a person reads it. */
function show(value: unknown, key: string, l: Labels, format: Formatters): string {
  if (value === null || value === undefined) return l.notRecorded
  if (key === 'hqCountry' || key === 'headquarters') return format.country(String(value))
  if (typeof value === 'object' && value && 'safeguard' in value) {
    const v = value as { safeguard: string; sccModule: number | null; certifiedEntity?: string | null }
    return `${l.safeguard(v.safeguard)}${v.sccModule ? ` (${v.sccModule})` : ''}${v.certifiedEntity ? ` (${v.certifiedEntity})` : ''}`
  }
  if (Array.isArray(value))
    return (
      value
        .map((v) =>
          typeof v === 'object' && v && 'country' in v
            ? `${format.country((v as { country: string }).country)} (${(v as { kind: string }).kind})`
            : String(v),
        )
        .join(', ') || l.unknown
    )
  if (typeof value === 'object' && value)
    return Object.values(value as Record<string, unknown>)
      .map(String)
      .join(', ')
  return String(value)
}

/** The processor's link to the vendor catalogue: link it, see what changed since the version seen, accept or dismiss. */
export function CataloguePanel({ processor }: { processor: Processor }) {
  const { t } = useTranslation()
  const toast = useToast()
  const canEdit = useCan('edit')
  const [linking, setLinking] = useState(false)
  const link = useLinkToCatalogue()
  const errorText = useErrorText()
  const c = processor.catalogue ?? null

  return (
    <Card
      title={t('catalogue.panel.title')}
      actions={
        canEdit &&
        !c && (
          <Button variant="secondary" size="sm" onClick={() => setLinking(true)}>
            {t('catalogue.panel.link')}
          </Button>
        )
      }
    >
      {!c ? (
        <p className="muted">{t('catalogue.panel.notLinked')}</p>
      ) : c.status === 'removed' ? (
        <Alert tone="warning">{t('catalogue.panel.removed', { id: c.entryId })}</Alert>
      ) : (
        <>
          <p>{t('catalogue.panel.linked', { name: c.entryName, version: c.version })}</p>
          <CatalogueDiffView processor={processor} canChange={canEdit} />
        </>
      )}
      <Dialog
        open={linking}
        onClose={() => setLinking(false)}
        title={t('catalogue.panel.linkTitle', { name: processor.displayName })}
        size="lg"
        dismissable={!link.isPending}
      >
        {link.isError && (
          <Alert tone="danger" role="alert">
            {errorText(link.error)}
          </Alert>
        )}
        <CatalogueSearch
          buttonText={t('catalogue.panel.link')}
          actionLabel={(name) => t('catalogue.panel.linkThis', { name })}
          onChoose={(entryId, name) =>
            link.mutate(
              { processorId: processor.id, input: { version: processor.version, entryId } },
              {
                onSuccess: () => {
                  setLinking(false)
                  toast(t('catalogue.panel.linkedToast', { name }))
                },
              },
            )
          }
        />
      </Dialog>
    </Card>
  )
}

function CatalogueDiffView({ processor, canChange }: { processor: Processor; canChange: boolean }) {
  const diff = useCatalogueDiff(processor.id, true)
  const errorText = useErrorText()
  if (diff.isPending) return null
  if (diff.isError) return <Alert tone="danger">{errorText(diff.error)}</Alert>
  return <DiffBody key={`${diff.data.catalogueVersion}:${diff.data.processorVersion}`} diff={diff.data} canChange={canChange} />
}

function DiffBody({ diff, canChange }: { diff: CatalogueDiff; canChange: boolean }) {
  const { t } = useTranslation()
  const format = useFormat()
  const toast = useToast()
  const errorText = useErrorText()
  const id = useId()
  const accept = useAcceptCatalogueDiff()
  const dismiss = useDismissCatalogueDiff()
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(diff.items.map((i) => i.key)))
  const error = accept.error ?? dismiss.error
  const itemLabel = (key: string) => {
    if (key.startsWith('transfer:')) {
      const [, country, kind] = key.split(':')
      return t('catalogue.panel.location', {
        country: format.country(country),
        kind: t(`enums.transferKind.${kind}` as 'enums.transferKind.storage'),
      })
    }
    return t(`catalogue.fields.${key}` as 'catalogue.fields.legalName')
  }
  const labels: Labels = {
    notRecorded: t('catalogue.notRecorded'),
    unknown: t('catalogue.unknownValue'),
    safeguard: (sg) => t(`enums.safeguard.${sg}` as 'enums.safeguard.scc'),
  }
  const changes = [...diff.changes].sort((a, b) => CATALOGUE_FACTS.indexOf(a.fact) - CATALOGUE_FACTS.indexOf(b.fact))

  return (
    <div className="catalogue-diff">
      {error && (
        <Alert tone="danger" role="alert">
          {errorText(error)}
        </Alert>
      )}
      {changes.length > 0 && (
        <Alert tone="warning" title={t('catalogue.panel.changesTitle', { version: diff.seenVersion })}>
          <ul className="catalogue-changes">
            {changes.map((ch) => (
              <li key={ch.fact}>
                <strong>{t(`catalogue.facts.${ch.fact}`)}</strong>: {t('catalogue.panel.was')} {show(ch.seen, ch.fact, labels, format)} →{' '}
                {t('catalogue.panel.now')} {show(ch.current, ch.fact, labels, format)}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <h3 className="catalogue-subtitle">{t('catalogue.panel.differences')}</h3>
      {diff.items.length === 0 ? (
        <p className="muted">{t('catalogue.panel.noDifferences')}</p>
      ) : (
        <TableScroll>
          <table className="table">
            <caption className="visually-hidden">{t('catalogue.panel.differences')}</caption>
            <thead>
              <tr>
                {canChange && (
                  <th scope="col">
                    <span className="visually-hidden">{t('catalogue.panel.accept')}</span>
                  </th>
                )}
                <th scope="col">{t('catalogue.panel.field')}</th>
                <th scope="col">{t('catalogue.panel.record')}</th>
                <th scope="col">{t('catalogue.panel.catalogue')}</th>
              </tr>
            </thead>
            <tbody>
              {diff.items.map((item) => (
                <tr key={item.key}>
                  {canChange && (
                    <td>
                      <input
                        id={`${id}-${item.key}`}
                        type="checkbox"
                        className="checkbox"
                        checked={chosen.has(item.key)}
                        aria-label={itemLabel(item.key)}
                        onChange={(e) =>
                          setChosen((s) => {
                            const next = new Set(s)
                            if (e.target.checked) next.add(item.key)
                            else next.delete(item.key)
                            return next
                          })
                        }
                      />
                    </td>
                  )}
                  <th scope="row" className="cell-strong">
                    {itemLabel(item.key)}
                  </th>
                  <td>{show(item.record, item.key, labels, format)}</td>
                  <td>
                    {show(item.catalogue, item.key, labels, format)}
                    {item.source && (
                      <span className="cell-sub">
                        <SourceRefView source={item.source} what={itemLabel(item.key)} />
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canChange && (diff.items.length > 0 || changes.length > 0) && (
        <div className="catalogue-actions">
          {diff.items.length > 0 && (
            <Button
              variant="primary"
              busy={accept.isPending}
              disabled={chosen.size === 0}
              onClick={() =>
                accept.mutate(
                  {
                    processorId: diff.processorId,
                    input: { version: diff.processorVersion, catalogueVersion: diff.catalogueVersion, keys: [...chosen] },
                  },
                  { onSuccess: () => toast(t('catalogue.panel.accepted')) },
                )
              }
            >
              {t('catalogue.panel.accept')}
            </Button>
          )}
          {changes.length > 0 && (
            <Button
              busy={dismiss.isPending}
              onClick={() =>
                dismiss.mutate(
                  { processorId: diff.processorId, input: { version: diff.processorVersion, catalogueVersion: diff.catalogueVersion } },
                  { onSuccess: () => toast(t('catalogue.panel.dismissed', { version: diff.catalogueVersion })) },
                )
              }
            >
              {t('catalogue.panel.dismiss')}
            </Button>
          )}
        </div>
      )}
    </div>
  )
}
