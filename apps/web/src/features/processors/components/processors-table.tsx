import type { ProcessorListItem, ProcessorSort } from '@seloste/schema'
import { Link } from '@tanstack/react-router'
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { CountryList } from '../../../components/domain/country-list'
import { DpaStatusBadge, ProcessorStatusBadge, SafeguardBadge, VisibilityBadge } from '../../../components/domain/status-badges'
import { Skeleton } from '../../../components/ui/skeleton'
import { SortIcon } from '../../../components/ui/sort-header'
import { paths } from '../../../config/paths'
import { useFormat } from '../../../lib/format'
import { TableScroll } from '../../../components/ui/table-scroll'

const SORTABLE: ReadonlySet<string> = new Set<ProcessorSort>(['displayName', 'role', 'hqCountry', 'status'])

interface TableProps {
  items: ProcessorListItem[]
  sort: ProcessorSort
  order: 'asc' | 'desc'
  onSortChange: (sort: ProcessorSort, order: 'asc' | 'desc') => void
  /** True while a new page or sort is loading over the rows shown. */
  stale?: boolean
}

/** The server sorts and pages; the table only renders and reports header clicks. */
export function ProcessorsTable({ items, sort, order, onSortChange, stale }: TableProps) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const lang = i18n.language === 'fi' ? 'fi' : 'en'
  const other = lang === 'fi' ? 'en' : 'fi'

  const columns = useMemo<ColumnDef<ProcessorListItem>[]>(
    () => [
      {
        id: 'displayName',
        header: t('processors.columns.name'),
        cell: ({ row: { original: p } }) => (
          <div className="cell-name">
            <Link to={paths.processors.detail.path} params={{ id: String(p.id) }} className="row-link">
              {format.processor(p)}
            </Link>
            {p.legalName && p.legalName !== p.displayName && <span className="cell-sub">{p.legalName}</span>}
            {p.parent && <span className="cell-sub">{t('processors.columns.parentOf', { name: format.processor(p.parent) })}</span>}
          </div>
        ),
      },
      { id: 'role', header: t('processors.columns.role'), cell: ({ row }) => t(`enums.role.${row.original.role}`) },
      {
        id: 'service',
        header: t('processors.columns.service'),
        cell: ({ row: { original: p } }) => {
          // Fall back to the other language rather than show nothing, marked so it is not mistaken for a translation.
          if (p.service[lang]) return <span className="cell-clamp">{p.service[lang]}</span>
          if (p.service[other])
            return (
              <span className="cell-clamp" lang={other}>
                {p.service[other]}
              </span>
            )
          return <span className="muted">{t('common.empty')}</span>
        },
      },
      {
        id: 'hqCountry',
        header: t('processors.columns.hqCountry'),
        cell: ({ row }) =>
          row.original.hqCountry ? format.country(row.original.hqCountry) : <span className="muted">{t('common.empty')}</span>,
      },
      { id: 'countries', header: t('processors.columns.countries'), cell: ({ row }) => <CountryList codes={row.original.countries} /> },
      {
        id: 'safeguards',
        header: t('processors.columns.safeguards'),
        cell: ({ row }) =>
          row.original.safeguards.length ? (
            <span className="badge-row">
              {row.original.safeguards.map((s) => (
                <SafeguardBadge key={s} safeguard={s} />
              ))}
            </span>
          ) : (
            <span className="muted">{t('common.empty')}</span>
          ),
      },
      {
        id: 'dpaStatus',
        header: t('processors.columns.dpa'),
        cell: ({ row }) => <DpaStatusBadge status={row.original.dpaStatus} role={row.original.role} required={row.original.dpaRequired} />,
      },
      {
        // Status and public/internal share a column so the table fits a 1024px screen.
        id: 'status',
        header: t('processors.columns.statusAndVisibility'),
        cell: ({ row }) => (
          <span className="badge-stack">
            <ProcessorStatusBadge status={row.original.status} />
            <VisibilityBadge isPublic={row.original.isPublic} />
          </span>
        ),
      },
    ],
    [t, format, lang, other],
  )

  const sorting: SortingState = [{ id: sort, desc: order === 'desc' }]
  const table = useReactTable({
    data: items,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
    manualSorting: true,
    manualPagination: true,
    state: { sorting },
  })
  // The server sorts; a header click only asks for the other direction or another column.
  const toggle = (id: ProcessorSort) => onSortChange(id, id === sort && order === 'asc' ? 'desc' : 'asc')

  return (
    <TableScroll>
      <table className={`table processors-table ${stale ? 'is-stale' : ''}`} aria-busy={stale || undefined}>
        <caption className="visually-hidden">{t('processors.list.caption')}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sortable = SORTABLE.has(header.column.id)
                const direction = header.column.id === sort ? order : false
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={`col-${header.column.id}`}
                    aria-sort={sortable ? (direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none') : undefined}
                  >
                    {sortable ? (
                      <button type="button" className="sort-button" onClick={() => toggle(header.column.id as ProcessorSort)}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <SortIcon direction={direction} />
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                )
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={`col-${cell.column.id}`}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}

/** Placeholder rows in the table's shape, so the page does not jump when the data arrives. */
export function ProcessorsTableSkeleton({ rows = 8 }: { rows?: number }) {
  const { t } = useTranslation()
  return (
    <div className="table-scroll" role="status" aria-label={t('processors.list.loading')}>
      <table className="table processors-table">
        <thead>
          <tr>
            {(['name', 'role', 'service', 'hqCountry', 'countries', 'safeguards', 'dpa', 'statusAndVisibility'] as const).map((c) => (
              <th key={c} scope="col">
                {t(`processors.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, i) => (
            <tr key={i}>
              {Array.from({ length: 8 }, (_, j) => (
                <td key={j}>
                  <Skeleton width={j === 0 ? '9rem' : j === 2 ? '10rem' : '4.5rem'} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
