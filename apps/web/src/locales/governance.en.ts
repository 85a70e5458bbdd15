/** English strings of the public list, the audit trail and user management. */
export const governanceEn = {
  publicList: {
    title: 'Public list',
  },
  audit: {
    title: 'Audit trail',
  },
  users: {
    title: 'Users',
  },
}
