import type { ReactNode } from 'react'

/** A group of related inputs with a visible legend (a fieldset, so the legend is read with each input). */
export function FormSection({ legend, description, children }: { legend: ReactNode; description?: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="form-section">
      <legend className="form-section-legend">{legend}</legend>
      {description && <p className="form-section-description">{description}</p>}
      <div className="form-grid">{children}</div>
    </fieldset>
  )
}
