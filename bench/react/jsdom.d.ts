// jsdom ships no types and @types/jsdom is not installed: the one constructor this bench uses.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html: string, options?: { pretendToBeVisual?: boolean });
    readonly window: Window & typeof globalThis;
  }
}
