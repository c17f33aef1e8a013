/// <reference types="node" />
// Setup of the `react-18` Vitest project only: dependencies Node loads itself (react-dom's and
// Testing Library's CommonJS `require('react')`) get the React 18.3 copies, as Vite's aliases give our code.
import Module from 'node:module';

type Resolve = ((request: string, ...rest: unknown[]) => string) & { react18?: true };
const loader = Module as unknown as { _resolveFilename: Resolve };
const requireHere = Module.createRequire(import.meta.url);
const copies: Record<string, string> = { react: 'react-18', 'react-dom': 'react-dom-18' };
const original = loader._resolveFilename;

// Each test file runs this setup in the same worker: redirect once, not once per file.
if (original.react18 !== true) {
  const resolveReact18: Resolve = function (this: unknown, request, ...rest) {
    const match = /^(react|react-dom)(\/.*)?$/.exec(request);
    const copy = match?.[1] === undefined ? undefined : copies[match[1]];
    if (copy === undefined) return original.call(this, request, ...rest);
    return requireHere.resolve(`${copy}${match?.[2] ?? ''}`);
  };
  resolveReact18.react18 = true;
  loader._resolveFilename = resolveReact18;
}
