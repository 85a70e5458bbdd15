import type { ReactNode, Ref } from 'react'
import type { Tone } from './badge'

interface AlertProps {
  tone?: Exclude<Tone, 'neutral'>
  title?: ReactNode
  children?: ReactNode
  actions?: ReactNode
  /** "alert" interrupts a screen reader; use it for failures that need action now. */
  role?: 'alert' | 'status'
  id?: string
  tabIndex?: number
  className?: string
  /** React 19: a plain prop, for moving focus to the alert. */
  ref?: Ref<HTMLDivElement>
}

export function Alert({ tone = 'info', title, children, actions, role = 'status', id, tabIndex, className, ref }: AlertProps) {
  return (
    <div ref={ref} className={`alert alert-${tone} ${className ?? ''}`} role={role} id={id} tabIndex={tabIndex}>
      <div className="alert-body">
        {title && <p className="alert-title">{title}</p>}
        {children}
      </div>
      {actions && <div className="alert-actions">{actions}</div>}
    </div>
  )
}
