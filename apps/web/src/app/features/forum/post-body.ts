/** Moved to libs/web/ui (shared by the forum, the library, EHCP drafts and the caseload); kept for the forum's imports. */
export { PostBody } from '@lantern/web-ui/markdown';
