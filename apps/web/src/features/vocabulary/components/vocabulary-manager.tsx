import type { LocalizedText, UsedBy } from '@seloste/schema'
import { Link } from '@tanstack/react-router'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DialogForm, useFormProblem } from '../../../components/form/dialog-form'
import { Alert } from '../../../components/ui/alert'
import { Badge } from '../../../components/ui/badge'
import { Button } from '../../../components/ui/button'
import { ConfirmDialog } from '../../../components/ui/confirm-dialog'
import { Dialog } from '../../../components/ui/dialog'
import { ErrorState } from '../../../components/ui/error-state'
import { Skeleton } from '../../../components/ui/skeleton'
import { TableScroll } from '../../../components/ui/table-scroll'
import { useToast } from '../../../components/ui/toast'
import { paths } from '../../../config/paths'
import { isApiError } from '../../../lib/api-client'
import { useErrorText } from '../../../lib/error-text'
import { currentLanguage } from '../../../lib/i18n'
import { useMergeCategory, useRemoveCategory, useRenameCategory, type VocabularyKind } from '../api/change-category'
import { useDataCategories } from '../api/get-data-categories'
import { useDataSubjectCategories } from '../api/get-data-subject-categories'
import { CategoryNameFields, categoryName } from './category-name-fields'

/** One entry of either vocabulary, as this page shows it. */
interface Entry {
  id: number
  name: LocalizedText
  special?: boolean
  activityCount: number
  version: number
}

type Open = { kind: 'rename' | 'merge' | 'remove'; id: number } | null

/** The entry's name in the UI language, else in the other. */
function useEntryName(): (e: { name: LocalizedText }) => string {
  const { i18n } = useTranslation()
  return (e) => {
    const lang = i18n.language === 'fi' ? 'fi' : 'en'
    return e.name[lang] || e.name[lang === 'fi' ? 'en' : 'fi']
  }
}

/** Both vocabularies, each a table with rename, merge and remove for editors and administrators. */
export function VocabularyManager({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation()
  const data = useDataCategories()
  const subjects = useDataSubjectCategories()
  return (
    <>
      <VocabularySection kind="subject" title={t('vocabularyPage.subjectTitle')} query={subjects} canEdit={canEdit} />
      <VocabularySection kind="data" title={t('vocabularyPage.dataTitle')} query={data} canEdit={canEdit} />
    </>
  )
}

function VocabularySection({
  kind,
  title,
  query,
  canEdit,
}: {
  kind: VocabularyKind
  title: string
  query: { isPending: boolean; isError: boolean; error: unknown; data?: Entry[]; refetch: () => unknown }
  canEdit: boolean
}) {
  const { t } = useTranslation()
  const headingId = useId()
  const nameOf = useEntryName()
  const [open, setOpen] = useState<Open>(null)
  const list = query.data ?? []
  // The dialogs read the entry from the list on every render, so after a conflict they hold the refreshed version.
  const target = open ? (list.find((e) => e.id === open.id) ?? null) : null
  const close = () => setOpen(null)

  return (
    <section className="card table-card vocabulary-section" aria-labelledby={headingId}>
      <header className="card-header">
        <h2 id={headingId} className="card-title">
          {title}
        </h2>
      </header>
      {query.isPending ? (
        <div className="card-pad" role="status" aria-label={t('common.loading')}>
          <Skeleton width="60%" />
        </div>
      ) : query.isError ? (
        <div className="card-pad">
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        </div>
      ) : list.length === 0 ? (
        <p className="card-pad muted">{t('vocabularyPage.empty')}</p>
      ) : (
        <TableScroll>
          <table className="table vocabulary-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('vocabularyPage.columns.nameFi')}</th>
                <th scope="col">{t('vocabularyPage.columns.nameEn')}</th>
                <th scope="col">{t('vocabularyPage.columns.use')}</th>
                {canEdit && (
                  <th scope="col" className="col-actions">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {list.map((e) => (
                <tr key={e.id}>
                  <th scope="row" className="cell-strong" lang="fi">
                    {e.name.fi || <span className="muted">{t('vocabularyPage.notWritten')}</span>}
                    {e.special && (
                      <>
                        {' '}
                        <Badge tone="warning">{t('vocabularyPage.special')}</Badge>
                      </>
                    )}
                  </th>
                  <td lang="en">{e.name.en || <span className="muted">{t('vocabularyPage.notWritten')}</span>}</td>
                  <td className="nowrap">
                    {e.activityCount > 0 ? t('vocabularyPage.activityCount', { count: e.activityCount }) : t('vocabularyPage.unused')}
                  </td>
                  {canEdit && (
                    <td className="col-actions">
                      <div className="row-actions">
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-label={t('vocabularyPage.rename.actionOf', { name: nameOf(e) })}
                          onClick={() => setOpen({ kind: 'rename', id: e.id })}
                        >
                          {t('vocabularyPage.rename.action')}
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-label={t('vocabularyPage.merge.actionOf', { name: nameOf(e) })}
                          onClick={() => setOpen({ kind: 'merge', id: e.id })}
                        >
                          {t('vocabularyPage.merge.action')}
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          className="text-danger"
                          aria-label={t('vocabularyPage.remove.actionOf', { name: nameOf(e) })}
                          onClick={() => setOpen({ kind: 'remove', id: e.id })}
                        >
                          {t('vocabularyPage.remove.action')}
                        </Button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Dialog
        open={open?.kind === 'rename' && target !== null}
        onClose={close}
        title={target ? t('vocabularyPage.rename.title', { name: nameOf(target) }) : ''}
      >
        {open?.kind === 'rename' && target && <RenameForm key={target.id} kind={kind} entry={target} onDone={close} />}
      </Dialog>
      <Dialog
        open={open?.kind === 'merge' && target !== null}
        onClose={close}
        title={target ? t('vocabularyPage.merge.title', { name: nameOf(target) }) : ''}
      >
        {open?.kind === 'merge' && target && (
          <MergeForm key={target.id} kind={kind} entry={target} others={list.filter((e) => e.id !== target.id)} onDone={close} />
        )}
      </Dialog>
      {open?.kind === 'remove' && target && <RemoveDialog key={target.id} kind={kind} entry={target} onDone={close} />}
    </section>
  )
}

/** A version conflict's message, or the API's own sentence. */
function useProblemText() {
  const { t } = useTranslation()
  const errorText = useErrorText()
  return (error: unknown) => (isApiError(error) && error.isVersionConflict ? t('vocabularyPage.conflict') : errorText(error))
}

function RenameForm({ kind, entry, onDone }: { kind: VocabularyKind; entry: Entry; onDone: () => void }) {
  const { t } = useTranslation()
  const id = useId()
  const toast = useToast()
  const problemText = useProblemText()
  const rename = useRenameCategory()
  const [name, setName] = useState<LocalizedText>(entry.name)
  const [special, setSpecial] = useState(entry.special ?? false)
  const problem = useFormProblem()

  const submit = () => {
    const value = categoryName(name)
    if (!value) {
      problem.show(t('vocabularyPage.rename.eitherLanguage'))
      return
    }
    problem.clear()
    // `entry.version` is read at submit time: after a conflict the list (and this prop) has the new one.
    rename.mutate(
      { kind, id: entry.id, name: value, special: kind === 'data' ? special : undefined, version: entry.version },
      {
        onSuccess: (saved) => {
          toast(t('vocabularyPage.rename.done', { name: saved.name[currentLanguage()] || saved.name.fi || saved.name.en }))
          onDone()
        },
        onError: (error) => {
          if (isApiError(error) && error.isVersionConflict) {
            const current = error.current as Entry | undefined
            if (current?.name) setName(current.name)
            if (current && typeof current.special === 'boolean') setSpecial(current.special)
          }
          problem.show(problemText(error))
        },
      },
    )
  }

  return (
    <DialogForm
      onSubmit={submit}
      onCancel={onDone}
      submitLabel={t('vocabularyPage.rename.submit')}
      busy={rename.isPending}
      problem={problem}
    >
      <CategoryNameFields
        id={id}
        name={name}
        onNameChange={setName}
        special={kind === 'data' ? special : undefined}
        onSpecialChange={setSpecial}
      />
    </DialogForm>
  )
}

function MergeForm({ kind, entry, others, onDone }: { kind: VocabularyKind; entry: Entry; others: Entry[]; onDone: () => void }) {
  const { t } = useTranslation()
  const id = useId()
  const toast = useToast()
  const nameOf = useEntryName()
  const problemText = useProblemText()
  const merge = useMergeCategory()
  const [into, setInto] = useState('')
  const problem = useFormProblem()
  const chosen = others.find((e) => String(e.id) === into)
  const mismatch = kind === 'data' && chosen !== undefined && chosen.special !== entry.special

  const submit = () => {
    if (!chosen) {
      problem.show(t('vocabularyPage.merge.choose'))
      return
    }
    problem.clear()
    // mutateAsync, not mutate's callbacks: the refreshed list no longer holds the merged entry, so
    // this form unmounts before the callbacks of `mutate` would run.
    void merge.mutateAsync({ kind, id: entry.id, into: chosen.id, version: entry.version }).then(
      () => {
        toast(t('vocabularyPage.merge.done', { from: nameOf(entry), into: nameOf(chosen) }))
        onDone()
      },
      (error: unknown) => {
        problem.show(
          isApiError(error) && error.fields.some((f) => f.path === 'into' && /special/i.test(f.message))
            ? t('vocabularyPage.merge.specialMismatch')
            : problemText(error),
        )
      },
    )
  }

  return (
    <DialogForm
      onSubmit={submit}
      onCancel={onDone}
      submitLabel={t('vocabularyPage.merge.submit')}
      busy={merge.isPending}
      submitDisabled={others.length === 0 || mismatch}
      problem={problem}
    >
      <p>
        {entry.activityCount > 0
          ? t('vocabularyPage.merge.explain', { count: entry.activityCount, name: nameOf(entry) })
          : t('vocabularyPage.merge.explainUnused', { name: nameOf(entry) })}
      </p>
      {others.length === 0 ? (
        <p className="muted">{t('vocabularyPage.merge.noOther')}</p>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-into`} className="field-label">
            {t('vocabularyPage.merge.into')}
          </label>
          <select
            id={`${id}-into`}
            className="select"
            value={into}
            onChange={(e) => setInto(e.target.value)}
            aria-describedby={mismatch ? `${id}-mismatch` : undefined}
          >
            <option value="">{t('vocabularyPage.merge.choose')}</option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {nameOf(o)}
                {o.special ? ` (${t('vocabularyPage.special')})` : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      {mismatch && (
        <p id={`${id}-mismatch`} className="text-warning">
          {t('vocabularyPage.merge.specialMismatch')}
        </p>
      )}
    </DialogForm>
  )
}

function RemoveDialog({ kind, entry, onDone }: { kind: VocabularyKind; entry: Entry; onDone: () => void }) {
  const { t } = useTranslation()
  const toast = useToast()
  const nameOf = useEntryName()
  const problemText = useProblemText()
  const remove = useRemoveCategory()
  const [problem, setProblem] = useState<string | null>(null)
  const [usedBy, setUsedBy] = useState<UsedBy[]>([])

  return (
    <ConfirmDialog
      open
      danger
      title={t('vocabularyPage.remove.title', { name: nameOf(entry) })}
      confirmLabel={t('vocabularyPage.remove.confirm')}
      busy={remove.isPending}
      error={problem}
      onCancel={onDone}
      onConfirm={() => {
        setProblem(null)
        setUsedBy([])
        // As in the merge: the removed entry leaves the list, and this dialog with it, before mutate's callbacks.
        void remove.mutateAsync({ kind, id: entry.id, version: entry.version }).then(
          () => {
            toast(t('vocabularyPage.remove.done', { name: nameOf(entry) }))
            onDone()
          },
          (error: unknown) => {
            if (isApiError(error) && error.usedBy.length > 0) setUsedBy(error.usedBy)
            else setProblem(problemText(error))
          },
        )
      }}
    >
      <p>{t('vocabularyPage.remove.text')}</p>
      {usedBy.length > 0 && <UsedByList usedBy={usedBy} />}
    </ConfirmDialog>
  )
}

/** The activities that keep an entry from being removed, each a link to its page. */
function UsedByList({ usedBy }: { usedBy: UsedBy[] }) {
  const { t } = useTranslation()
  const nameOf = useEntryName()
  const listId = useId()
  return (
    <Alert tone="warning" role="alert" title={t('vocabularyPage.remove.inUseTitle')}>
      <p>{t('vocabularyPage.remove.inUse', { count: usedBy.length })}</p>
      <p id={listId} className="visually-hidden">
        {t('vocabularyPage.remove.usedByCaption')}
      </p>
      <ul className="used-by-list" aria-labelledby={listId}>
        {usedBy.map((u) => (
          <li key={`${u.type}-${u.id}`}>
            <Link to={paths.activities.detail.path} params={{ id: String(u.id) }}>
              {nameOf(u)}
            </Link>
          </li>
        ))}
      </ul>
    </Alert>
  )
}
