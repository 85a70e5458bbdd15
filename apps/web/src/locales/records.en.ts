/** English strings of the records of processing (activities) and the exports. */
export const recordsEn = {
  activities: {
    title: 'Processing activities',
    new: 'New activity',
    edit: 'Edit activity',
    matrix: 'Activities × processors',
  },
  exports: {
    title: 'Exports',
  },
}
