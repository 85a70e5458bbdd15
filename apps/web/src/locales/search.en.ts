/** English strings of the search page (the header's box keeps its three in en.ts): loaded with its route. */
export const searchEn = {
  searchPage: {
    pageLabel: 'Search the registry',
    title: 'Search',
    titleFor: 'Search: {{q}}',
    intro:
      'Processors, processing activities and findings in one search: by name, legal entity, service or the finding’s text, in Finnish or English.',
    prompt: 'Type a name, a service or a word of a finding.',
    controlCharacters: 'The search text contains a control character (such as a line break). Remove it to search.',
    failed: 'The search failed',
    loading: 'Searching…',
    noResults: 'Nothing matches “{{q}}”',
    noResultsHint: 'Try a shorter word or the name in the other language.',
    summary: 'Matches: processors {{processors}}, activities {{activities}}, findings {{findings}}.',
    countOf: '({{shown}} of {{total}})',
    noneOfKind: 'None match.',
    acknowledged: 'Acknowledged',
    allProcessors: 'All {{count}} processors in the list',
    allActivities: 'All {{count}} activities in the list',
    allFindings: 'All {{count}} findings on the overview',
  },
}
