/** Query keys of the shared vocabulary (categories of data subjects and of personal data). */
export const vocabularyKeys = {
  all: ['vocabulary'] as const,
  dataCategories: () => ['vocabulary', 'data-categories'] as const,
  dataSubjectCategories: () => ['vocabulary', 'data-subject-categories'] as const,
}
