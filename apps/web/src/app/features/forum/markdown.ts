/** Moved to libs/web/ui (shared by the forum, the library and the caseload); kept for the forum's imports. */
export { type SanitizeOptions, renderPreview, sanitizePostHtml, sanitizeSnippet } from '@lantern/web-ui/markdown';
