// Request headers that routes of more than one resource read. Plain objects, not calls: esbuild keeps
// a route whose object calls a function of another module in every bundle.

const IF_MATCH_DESCRIPTION = 'The ETag of the member as read (its version).';
export const IF_MATCH = { name: 'if-match', description: IF_MATCH_DESCRIPTION, required: true } as const;
export const IF_MATCH_OPTIONAL = {
  name: 'if-match',
  description: IF_MATCH_DESCRIPTION,
  required: false,
} as const;
