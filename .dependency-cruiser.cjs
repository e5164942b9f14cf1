/** Layer boundaries (see README, "Architecture"). `npm run boundaries` fails CI on any violation. */
module.exports = {
  forbidden: [
    {
      name: 'renderer-not-to-electron',
      comment: 'The renderer talks to the backend only through the typed API (shared/api), never by importing Node-side code.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^electron/' },
    },
    {
      name: 'shared-is-pure',
      comment: 'shared/ is pure TypeScript used by both sides: it imports neither electron/ nor renderer/.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(electron|renderer)/' },
    },
    {
      name: 'only-shell-imports-electron',
      comment: "Only electron/main and electron/preload may import the 'electron' module; everything else runs on plain Node.",
      severity: 'error',
      from: { pathNot: '^electron/(main|preload)/' },
      to: { path: '(^|/)node_modules/electron/|^electron$' },
    },
    {
      name: 'renderer-no-node',
      comment: 'No Node built-ins in the renderer (sandboxed, no Node integration).',
      severity: 'error',
      from: { path: '^(renderer|shared)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-not-to-shell',
      comment: 'Core services, the web transport and the CLI never depend on the Electron shell.',
      severity: 'error',
      from: { path: '^electron/(core|web|cli)/' },
      to: { path: '^electron/(main|preload)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
