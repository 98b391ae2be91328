// `pnpm check:cycles`: no import cycle in any package's sources, type-only imports included
// (a cycle of types still ties two modules together and hides the layering).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules must not import each other, directly or around a loop.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '/dist/'] },
    // Type-only imports count: `import type` cycles are cycles too.
    tsPreCompilationDeps: true,
    // Sources import their siblings as `./x.js` (NodeNext); dependency-cruiser resolves those
    // to `./x.ts`.
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
