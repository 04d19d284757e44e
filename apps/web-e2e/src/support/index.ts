export { DEMO, DEMO_PASSWORD, signIn, signInForm } from './accounts';
export { expectNoAxeViolations, WCAG_TAGS } from './axe';
export { newPage } from './browser';
export { invitationLinkFor, passwordResetLinkFor } from './outbox';
export { ROUTES } from './routes';
export { baseUrl } from './server-state';
export { chooseOption, heading, waitForHeading } from './page';
export { DEMO_TOTP_SECRET, elevate, signInElevated, totpCode, nextTotpCode } from './second-factor';
