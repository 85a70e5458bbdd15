import { useTranslation } from 'react-i18next'
import { Card } from '../../../components/ui/card'
import { ErrorState } from '../../../components/ui/error-state'
import { Skeleton } from '../../../components/ui/skeleton'
import { useFollowers } from '../api/get-followers'

/** For administrators: how many people follow the public list by email, or that subscriptions are off. */
export function FollowersCard() {
  const { t } = useTranslation()
  const followers = useFollowers(true)
  let body
  if (followers.isPending) body = <Skeleton width="12rem" />
  else if (followers.isError)
    body = <ErrorState error={followers.error} onRetry={() => void followers.refetch()} title={t('publicList.followers.loadFailed')} />
  else if (followers.data.subscriptions === 'off') body = <p className="muted">{t('publicList.followers.off')}</p>
  else body = <p className="followers-count">{t('publicList.followers.count', { count: followers.data.confirmed })}</p>
  return (
    <Card title={t('publicList.followers.title')} description={t('publicList.followers.description')}>
      {body}
    </Card>
  )
}
