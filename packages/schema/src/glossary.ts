/**
 * The glossary: one word for one thing, in Finnish and English, shared by the dashboard's locales
 * and the renderers of everything Seloste publishes or exports (public list, exports, findings).
 *
 * Each term gives the form the outputs write and the variants that must not appear for the same
 * thing (`avoid`: matched case-insensitively as word starts, so Finnish inflections are caught).
 * `apps/web/src/locales` is checked against it by a test (`glossary.test.ts`), and so are the
 * rendered outputs of the demo data (`apps/api/test/wording.test.ts`).
 */
import type { Language } from './common'

export interface GlossaryTerm {
  /** The word or phrase, as a label writes it (lower case unless a name). */
  fi: string
  en: string
  /** The past participle where outputs state that it was done ("poistettu käytöstä" / "retired"). */
  done?: Record<Language, string>
  /** Variants that must not be used for this thing: regular expressions, matched case-insensitively. */
  avoid: Record<Language, readonly string[]>
  /** What the term is, and what it is not. */
  note: string
}

export const GLOSSARY = {
  subProcessor: {
    fi: 'alikäsittelijä',
    en: 'sub-processor',
    // "Alihankkija" (subcontractor) is the policy's word for people bound by confidentiality; a processor's
    // processor (Art. 28(2), (4)) is an alikäsittelijä.
    avoid: { fi: ['\\balihankkija\\b'], en: ['\\bsubprocessor', '\\bsub processor'] },
    note: "A processor engaged by another processor (GDPR Art. 28(2), (4)); not the controller's subcontractor.",
  },
  unitedKingdom: {
    fi: 'Yhdistynyt kuningaskunta',
    en: 'United Kingdom',
    avoid: { fi: ['\\bIso-Britannia', '\\bBritannia'], en: ['\\bGreat Britain\\b'] },
    note: "The country of the UK adequacy decisions (GB), as the EU's Finnish acts name it.",
  },
  list: {
    fi: 'luettelo',
    en: 'list',
    avoid: { fi: ['\\blista(?!us)'], en: [] },
    note: 'The public processor list (käsittelijäluettelo). A DPF "listaus" (participant listing) is another thing.',
  },
  review: {
    fi: 'katselmointi',
    en: 'review',
    avoid: { fi: ['\\btarkastelu', '\\bläpikäynti', '\\buudelleentarkastelu'], en: [] },
    note: 'The periodic review of an agreement or activity (next review date).',
  },
  upload: {
    fi: 'lähetä',
    en: 'upload',
    done: { fi: 'lähetetty', en: 'uploaded' },
    avoid: { fi: ['\\blataa palvelimelle', '\\bladattu', '\\blataa allekirjoitettu'], en: [] },
    note: 'Sending a file to Seloste (a signed DPA). "Lataa" is only for the other direction.',
  },
  download: {
    fi: 'lataa',
    en: 'download',
    avoid: { fi: [], en: [] },
    note: 'Getting a file from Seloste (an export, a stored DPA document).',
  },
  retire: {
    fi: 'poista käytöstä',
    en: 'retire',
    done: { fi: 'poistettu käytöstä', en: 'retired' },
    avoid: { fi: ['\\bpoistunut käytöstä', '\\bkäytöstä poistunut'], en: ['\\bdeactivated\\b', '\\barchived\\b'] },
    note: 'A processor no longer in use, kept in the registry as history. Not "delete".',
  },
  delete: {
    fi: 'poista',
    en: 'delete',
    done: { fi: 'poistettu', en: 'deleted' },
    avoid: { fi: [], en: [] },
    note: 'Removing a record for good (the audit trail keeps the change). Not "retire".',
  },
} as const satisfies Record<string, GlossaryTerm>

export type GlossaryKey = keyof typeof GLOSSARY

/** The term in the language. */
export function term(key: GlossaryKey, lang: Language): string {
  return GLOSSARY[key][lang]
}

/** Country names where the runtime's ICU data does not give the glossary's name. */
export const COUNTRY_NAME_OVERRIDES: Partial<Record<Language, Readonly<Record<string, string>>>> = {
  fi: { GB: GLOSSARY.unitedKingdom.fi },
}

/**
 * The forbidden variants found in a text: each as `term: match`. Used by the tests over the locales
 * and over rendered outputs.
 */
export function glossaryViolations(text: string, lang: Language): string[] {
  const found: string[] = []
  for (const [key, t] of Object.entries(GLOSSARY) as [GlossaryKey, GlossaryTerm][]) {
    for (const pattern of t.avoid[lang]) {
      const m = new RegExp(pattern, 'iu').exec(text)
      if (m) found.push(`${key}: ${m[0]}`)
    }
  }
  return found
}
