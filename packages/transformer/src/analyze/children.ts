// Which properties of a Babel node hold its children. Walking every property but these, rather than
// through @babel/types' VISITOR_KEYS table, keeps @babel/types (about 150 ms to load) out of every
// build that uses the plugins and of `yieldfrom --check`, and cannot miss a node type the parser adds.

/** Properties that hold positions, parser notes or comments, never child nodes. */
export const notChildren = new Set(['loc', 'start', 'end', 'range', 'extra', 'leadingComments', 'trailingComments', 'innerComments', 'comments', 'tokens']);
