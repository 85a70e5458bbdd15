/** English strings of the vocabulary page (rename, merge and remove categories). */
export const vocabularyEn = {
  vocabularyPage: {
    title: 'Categories',
    intro:
      'The shared vocabulary of the records of processing (GDPR Art. 30(1)(c)): the categories of data subjects and of personal data that the activities choose from. A rename shows in every activity at once; a merge moves every use to another category.',
    readOnly: 'Auditors can read the categories; editors and administrators change them.',
    dataTitle: 'Categories of personal data',
    subjectTitle: 'Categories of data subjects',
    empty: 'No categories yet. They are added from an activity’s form.',
    columns: {
      nameFi: 'Finnish',
      nameEn: 'English',
      use: 'Used by',
    },
    special: 'Special (Art. 9)',
    activityCount_one: '{{count}} activity',
    activityCount_other: '{{count}} activities',
    unused: 'Not used',
    notWritten: 'Not written',
    rename: {
      action: 'Rename',
      actionOf: 'Rename “{{name}}”',
      title: 'Rename “{{name}}”',
      submit: 'Save',
      done: 'Renamed to “{{name}}”',
      eitherLanguage: 'Write the name in Finnish or English (or both)',
    },
    merge: {
      action: 'Merge',
      actionOf: 'Merge “{{name}}” into another category',
      title: 'Merge “{{name}}” into another category',
      into: 'Merge into',
      choose: 'Choose a category',
      explain_one:
        'The {{count}} activity that uses “{{name}}” will use the category chosen instead, and “{{name}}” is removed. Each changed activity is written to the audit trail.',
      explain_other:
        'The {{count}} activities that use “{{name}}” will use the category chosen instead, and “{{name}}” is removed. Each changed activity is written to the audit trail.',
      explainUnused: '“{{name}}” is not used by any activity: merging only removes it.',
      specialMismatch:
        'Only one of the two is a special category of personal data (Art. 9(1)). Make them agree (rename dialog) before merging.',
      noOther: 'There is no other category to merge into.',
      submit: 'Merge',
      done: '“{{from}}” was merged into “{{into}}”',
    },
    remove: {
      action: 'Remove',
      actionOf: 'Remove “{{name}}”',
      title: 'Remove “{{name}}”?',
      text: 'The category is removed from the vocabulary. This is written to the audit trail.',
      confirm: 'Remove',
      done: '“{{name}}” was removed',
      inUseTitle: 'Still in use',
      inUse_one:
        'The category cannot be removed while this activity uses it. Take it out of the activity, or merge it into another category.',
      inUse_other:
        'The category cannot be removed while these {{count}} activities use it. Take it out of them, or merge it into another category.',
      usedByCaption: 'Activities that use it',
    },
    conflict: 'Someone else changed this category meanwhile. The dialog now shows it as it is; check and try again.',
  },
}
