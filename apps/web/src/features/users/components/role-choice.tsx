import { UserRole } from '@seloste/schema'
import { useTranslation } from 'react-i18next'
import type { UseFormRegisterReturn } from 'react-hook-form'
import { translateMessage } from '../../../lib/translate-message'

/** The three roles as radio buttons, each with what it may do: the choice is the whole point. */
export function RoleChoice({ legend, registration, error }: { legend: string; registration: UseFormRegisterReturn; error?: string }) {
  const { t } = useTranslation()
  return (
    <fieldset className={`field role-choice ${error ? 'field-invalid' : ''}`} id="field-role">
      <legend className="field-label">{legend}</legend>
      {UserRole.options.map((role) => (
        <label key={role} className="role-option">
          <input type="radio" className="radio" value={role} {...registration} />
          <span>
            <span className="role-option-name">{t(`user.roles.${role}`)}</span>
            <span className="role-option-hint">{t(`users.roleHints.${role}`)}</span>
          </span>
        </label>
      ))}
      {error && <p className="field-error">{translateMessage(error)}</p>}
    </fieldset>
  )
}
