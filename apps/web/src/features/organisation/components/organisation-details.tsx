import type { Organisation } from '@seloste/schema'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Badge } from '../../../components/ui/badge'
import { Card } from '../../../components/ui/card'
import { useFormat } from '../../../lib/format'

function Row({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="dl-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}

/** "Not recorded" as a state of its own: a warning badge, never an empty cell that reads as "none". */
function NotRecorded() {
  const { t } = useTranslation()
  return <Badge tone="warning">{t('organisation.answer.notRecorded')}</Badge>
}

function Text({ value }: { value: string | null }) {
  return value ? <span className="pre-line">{value}</span> : <NotRecorded />
}

/** The organisation's details for those who read them (auditors): what is recorded, and what is not. */
export function OrganisationDetails({ organisation: o }: { organisation: Organisation }) {
  const { t } = useTranslation()
  const format = useFormat()
  const label = (key: string) => t(`organisation.fields.${key}` as 'organisation.fields.name')
  return (
    <div className="org-stack">
      <Card title={t('organisation.sections.controller')} description={t('organisation.updated', { date: format.dateTime(o.updatedAt) })}>
        <dl className="dl">
          <Row label={label('name')}>{o.name}</Row>
          <Row label={label('businessId')}>{o.businessId}</Row>
          <Row label={label('address')}>
            <Text value={o.address} />
          </Row>
          <Row label={label('defaultLanguage')}>{t(`language.${o.defaultLanguage}Name`)}</Row>
          <Row label={label('privacyContactName')}>
            <Text value={o.privacyContactName} />
          </Row>
          <Row label={label('privacyContactEmail')}>
            <Text value={o.privacyContactEmail} />
          </Row>
        </dl>
      </Card>
      <Card title={t('organisation.sections.dpo')}>
        <dl className="dl">
          <Row label={label('dpoAppointed')}>
            {o.dpoAppointed === null ? <NotRecorded /> : o.dpoAppointed ? t('organisation.answer.dpoYes') : t('organisation.answer.dpoNo')}
          </Row>
          {o.dpoAppointed && (
            <>
              <Row label={label('dpoName')}>
                <Text value={o.dpoName} />
              </Row>
              <Row label={label('dpoEmail')}>
                <Text value={o.dpoEmail} />
              </Row>
            </>
          )}
        </dl>
      </Card>
      <Card title={t('organisation.sections.representative')}>
        <dl className="dl">
          <Row label={label('representativeNeeded')}>
            {o.representativeNeeded === null ? (
              <NotRecorded />
            ) : o.representativeNeeded ? (
              t('organisation.answer.representativeYes')
            ) : (
              t('organisation.answer.representativeNo')
            )}
          </Row>
          {o.representativeNeeded && (
            <>
              <Row label={label('representative')}>
                <Text value={o.representative} />
              </Row>
              <Row label={label('representativeContact')}>
                <Text value={o.representativeContact} />
              </Row>
            </>
          )}
        </dl>
      </Card>
      <Card title={t('organisation.sections.joint')}>
        <dl className="dl">
          <Row label={label('hasJointControllers')}>
            {o.hasJointControllers === null ? (
              <NotRecorded />
            ) : o.hasJointControllers ? (
              t('organisation.answer.jointYes')
            ) : (
              t('organisation.answer.jointNo')
            )}
          </Row>
          {o.hasJointControllers && (
            <Row label={label('jointControllers')}>
              <Text value={o.jointControllers} />
            </Row>
          )}
        </dl>
      </Card>
    </div>
  )
}
