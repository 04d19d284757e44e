/**
 * `@lantern/web-ui/markdown`: rendering and writing markdown (markdown-it and DOMPurify), a separate
 * entry point so the main `@lantern/web-ui` import never brings those libraries into a page that
 * does not show markdown.
 */
export * from './lib/markdown/markdown';
export * from './lib/markdown/post-body';
export * from './lib/markdown/markdown-field';
