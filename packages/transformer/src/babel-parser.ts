// Babel's parser, for browsers and bundlers (the playground): the package as an ES module import.
// Node takes babel-parser.node.ts instead (package.json "imports": "#babel-parser").
export { parse } from '@babel/parser';
