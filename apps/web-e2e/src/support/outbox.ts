/** Reading mail the api "sent" from its development outbox (GET /dev/outbox, not in production). */
import { newPage } from './browser';
import { ROUTES } from './routes';

const ACCEPT_LINK = /\/invitations\/accept\?token=[^"'<>\s&]+/;

/**
 * The path and query of the invitation link mailed to `email` (e.g. /invitations/accept?token=...).
 * Polls the outbox for up to `timeoutMs`, since mail may be sent after the mutation returns.
 */
export function invitationLinkFor(email: string, timeoutMs = 15_000): Promise<string> {
  return mailedLinkFor(email, ACCEPT_LINK, timeoutMs);
}

const RESET_LINK = /\/reset-password\?token=[^"'<>\s&]+/;

/** The path and query of the newest password reset link mailed to `email` (/reset-password?token=...). */
export function passwordResetLinkFor(email: string, timeoutMs = 15_000): Promise<string> {
  return mailedLinkFor(email, RESET_LINK, timeoutMs);
}

/** The first link matching `pattern` in the outbox (newest mail first) in a mail to `email`. */
async function mailedLinkFor(email: string, pattern: RegExp, timeoutMs: number): Promise<string> {
  const page = await newPage();
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const response = await page.goto(ROUTES.devOutbox);
      if (!response || response.status() !== 200) {
        throw new Error(`GET ${ROUTES.devOutbox} answered ${response?.status() ?? 'nothing'}`);
      }
      // The smallest element that holds both the address and an invitation link is that mail.
      const html = await page.evaluate(
        ({ address, pattern }) => {
          const link = new RegExp(pattern);
          let best: Element | null = null;
          for (const element of Array.from(document.body.querySelectorAll('*'))) {
            const text = element.textContent ?? '';
            if (text.includes(address) && link.test(element.innerHTML)) {
              if (!best || text.length < (best.textContent ?? '').length) best = element;
            }
          }
          return best?.innerHTML ?? null;
        },
        { address: email, pattern: pattern.source },
      );
      const match = html?.match(pattern);
      if (match) return match[0];
      if (Date.now() > deadline) {
        throw new Error(
          `no link like ${pattern} for ${email} in ${ROUTES.devOutbox} after ${timeoutMs / 1000} s`,
        );
      }
      await page.waitForTimeout(500);
    }
  } finally {
    await page.context().close();
  }
}
