import { useId, type ReactNode } from 'react'

interface CardProps {
  title: ReactNode
  /** Buttons shown at the right of the heading. */
  actions?: ReactNode
  description?: ReactNode
  children: ReactNode
  headingLevel?: 2 | 3
  className?: string
}

/** A titled section of a page; the heading labels the region for screen readers. */
export function Card({ title, actions, description, children, headingLevel = 2, className }: CardProps) {
  const id = useId()
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section className={`card ${className ?? ''}`} aria-labelledby={id}>
      <header className="card-header">
        <div>
          <Heading id={id} className="card-title">
            {title}
          </Heading>
          {description && <p className="card-description">{description}</p>}
        </div>
        {actions && <div className="card-actions">{actions}</div>}
      </header>
      <div className="card-body">{children}</div>
    </section>
  )
}
