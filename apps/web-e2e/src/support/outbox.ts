/** Reading mail the api "sent" from its development outbox (GET /dev/outbox, not in production). */
import { newPage } from './browser';
import { ROUTES } from './routes';

const ACCEPT_LINK = /\/invitations\/accept\?token=[^"'<>\s&]+/;

/**
 * The path and query of the invitation link mailed to `email` (e.g. /invitations/accept?token=...).
 * Polls the outbox for up to `timeoutMs`, since mail may be sent after the mutation returns.
 */
export async function invitationLinkFor(email: string, timeoutMs = 15_000): Promise<string> {
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
        { address: email, pattern: ACCEPT_LINK.source },
      );
      const match = html?.match(ACCEPT_LINK);
      if (match) return match[0];
      if (Date.now() > deadline) {
        throw new Error(`no invitation link for ${email} in ${ROUTES.devOutbox} after ${timeoutMs / 1000} s`);
      }
      await page.waitForTimeout(500);
    }
  } finally {
    await page.context().close();
  }
}
