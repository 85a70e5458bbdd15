import type { UserRole } from '@seloste/schema'
import { useTranslation } from 'react-i18next'
import { Badge, type Tone } from '../../../components/ui/badge'

const TONE: Record<UserRole, Tone> = { admin: 'info', editor: 'neutral', auditor: 'neutral' }

export function RoleBadge({ role }: { role: UserRole }) {
  const { t } = useTranslation()
  return <Badge tone={TONE[role]}>{t(`user.roles.${role}`)}</Badge>
}
