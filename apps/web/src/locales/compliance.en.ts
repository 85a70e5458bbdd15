/** English strings of the compliance overview: findings, deadlines, where the data goes. */
export const complianceEn = {
  overview: {
    title: 'Overview',
  },
}
