import type { Processor } from '@seloste/schema'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Card } from '../../../components/ui/card'
import { useCan } from '../../../lib/auth'
import { CatalogueProposalReview } from './catalogue-proposal'
import { CatalogueSearch } from './catalogue-search'

/** On the "new processor" page: search the catalogue, review an entry's proposal, save it. Editors and administrators (as the API); auditors read. */
export function CatalogueStart({ onSaved }: { onSaved: (p: Processor) => void }) {
  const { t } = useTranslation()
  const canEdit = useCan('edit')
  const [chosen, setChosen] = useState<string | null>(null)
  return (
    <Card
      title={t('catalogue.pickerTitle')}
      description={canEdit ? t('catalogue.pickerIntro') : t('catalogue.readOnly')}
      className="catalogue-start"
    >
      {canEdit &&
        (chosen ? (
          <CatalogueProposalReview entryId={chosen} onBack={() => setChosen(null)} onSaved={onSaved} />
        ) : (
          <>
            <CatalogueSearch
              buttonText={t('catalogue.review')}
              actionLabel={(name) => t('catalogue.reviewName', { name })}
              onChoose={(id) => setChosen(id)}
            />
            <p className="muted">{t('catalogue.orManual')}</p>
          </>
        ))}
    </Card>
  )
}
