import type { NewCategorySlot, VocabularyItem } from '../../features/activities/components/activity-form'
import { useDataCategories } from '../../features/vocabulary/api/get-data-categories'
import { useDataSubjectCategories } from '../../features/vocabulary/api/get-data-subject-categories'
import { NewCategory } from '../../features/vocabulary/components/new-category'

/** The activity form's vocabulary and its "new category" control, composed from the vocabulary feature. */
export function useVocabularyForForm(): {
  data: { subjects: VocabularyItem[] | undefined; categories: VocabularyItem[] | undefined }
  newCategory: NewCategorySlot
} {
  const subjects = useDataSubjectCategories()
  const categories = useDataCategories()
  return {
    data: { subjects: subjects.data, categories: categories.data },
    newCategory: (kind, onCreated) => <NewCategory kind={kind} onCreated={onCreated} />,
  }
}
