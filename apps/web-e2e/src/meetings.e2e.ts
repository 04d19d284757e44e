import type { Page } from 'playwright-core';
import { DEMO, expectNoAxeViolations, gql, newPage, signIn, waitForHeading } from './support';

/**
 * Meetings (issue 12): the trusts' SEND lead calls a weekly trust meeting through the form; a SENCO
 * of that trust answers and proposes an agenda item; the SEND lead (chair) accepts it, publishes the
 * agenda and starts the meeting; the live timer shows in the SENCO's browser without reloading; the
 * chair records minutes and an action, ends the meeting, and the action shows on the next meeting
 * of the series as carried forward. Another trust's SENCO is told the meeting is not found. axe finds
 * nothing on each page.
 */
const SEND_LEAD = 'send.lead@demo.lantern.test';
const SEND_LEAD_NAME = 'Head of SEND and Inclusion (both trusts)';
const OTHER_TRUST_SENCO = 'senco.st-bernadettes@demo.lantern.test';

const run = Date.now().toString(36).slice(-4);
const TITLE = `Trust SENCO meeting ${run}`;
const ITEM = `Census returns ${run}`;
const ACTION = `Share the census checklist ${run}`;

/** YYYY-MM-DD, `days` from today in England. */
function dayFromToday(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function settled(page: Page): Promise<void> {
  await page
    .getByText('Loading', { exact: false })
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
}

describe('meetings', () => {
  it('a SENCO proposes an item; the chair accepts, publishes, runs the meeting live and minutes it; the action carries forward', async () => {
    // The chair calls a weekly trust meeting (three meetings) through the form.
    const chair = await newPage();
    await signIn(chair, SEND_LEAD);
    await chair.goto('/meetings');
    await waitForHeading(chair, 'My meetings');
    await settled(chair);
    await expectNoAxeViolations(chair);
    await chair.getByRole('link', { name: 'New meeting' }).click();
    await waitForHeading(chair, 'New meeting');
    await chair.getByLabel('Who it is for').selectOption({ label: 'Trust: Assisi Catholic Trust' });
    await chair.getByLabel('Title', { exact: true }).fill(TITLE);
    await chair.getByRole('radio', { name: 'Online' }).check();
    await chair.getByLabel('Joining link').fill('https://meet.example.test/trust-senco');
    const today = dayFromToday(0);
    await chair.getByLabel('Date', { exact: true }).fill(today);
    await chair.getByLabel('Start time').fill('23:00');
    await chair.getByLabel('Repeat').selectOption('weekly');
    await chair.getByRole('radio', { name: 'After a number of meetings' }).check();
    await chair.getByLabel('Number of meetings', { exact: true }).fill('3');
    await chair.getByRole('heading', { name: 'The next meetings' }).waitFor();
    await expectNoAxeViolations(chair);
    await chair.getByRole('button', { name: 'Save and send invitations' }).click();
    await waitForHeading(chair, TITLE);
    const [, , seriesId, key] = new URL(chair.url()).pathname.split('/');
    expect(key).toBe(today);
    await chair.getByRole('heading', { name: 'Agenda' }).waitFor();
    await expectNoAxeViolations(chair);

    // A SENCO of the trust finds it in "My meetings", answers, and proposes an item.
    const senco = await newPage();
    await signIn(senco, DEMO.sencoHolyFamily);
    await senco.goto('/meetings');
    await waitForHeading(senco, 'My meetings');
    await senco.getByRole('link', { name: TITLE }).first().click();
    await waitForHeading(senco, TITLE);
    await senco
      .getByRole('group', { name: 'Your answer for this meeting' })
      .getByRole('button', { name: 'Online' })
      .click();
    await senco.getByText('Your answer for this meeting was saved.').first().waitFor();
    await senco.getByText('Propose an agenda item').click();
    await senco.getByLabel('Title', { exact: true }).fill(ITEM);
    await senco.getByRole('button', { name: 'Propose the item' }).click();
    await senco.getByText(`${ITEM} was proposed.`).first().waitFor();
    // Its proposer changes it while it waits for the chair: 15 minutes rather than 10.
    await senco.getByRole('button', { name: `Change ${ITEM}` }).click();
    await senco.locator('lan-item-editor').getByLabel('Minutes needed').fill('15');
    await senco.getByRole('button', { name: 'Save the item' }).click();
    await senco.getByText(`${ITEM} saved.`).first().waitFor();
    await expectNoAxeViolations(senco);

    // The chair accepts it, publishes the agenda and starts the meeting.
    await chair.reload();
    await waitForHeading(chair, TITLE);
    await chair.getByRole('button', { name: `Accept ${ITEM}` }).click();
    await chair.getByText(`${ITEM} accepted`).first().waitFor();
    await chair.getByRole('button', { name: 'Publish the agenda' }).click();
    await chair.getByText('The agenda was published').first().waitFor();
    await chair.getByRole('button', { name: 'Start the meeting' }).click();
    await chair.getByText('Meeting in progress').first().waitFor();
    await expectNoAxeViolations(chair);

    // The SENCO's page shows the current item and its timer, live.
    await senco.getByText('Meeting in progress').first().waitFor({ timeout: 15_000 });
    await senco.getByText(`Now: ${ITEM}`).first().waitFor();
    await expect(senco.getByTestId('live-clock').innerText()).resolves.toMatch(/^1[45]:\d{2} left$/);
    await expectNoAxeViolations(senco);

    // Minutes and an action, then the end.
    await chair
      .getByLabel('What was said (markdown)')
      .fill('The census deadline and the checklist were discussed.');
    await chair.getByLabel('Decisions (markdown)').fill('Every school sends its return by the deadline.');
    await chair.getByRole('button', { name: `Save the minutes of ${ITEM}` }).click();
    await chair.getByText(`Minutes of ${ITEM} saved.`).first().waitFor();
    await chair.getByLabel('What needs doing').fill(ACTION);
    await chair.getByLabel('Who will do it').selectOption({ label: SEND_LEAD_NAME });
    await chair.getByLabel('Due on').fill(dayFromToday(10));
    await chair.getByRole('button', { name: 'Add the action' }).click();
    await chair.getByTestId('meeting-actions').getByText(ACTION).first().waitFor();
    await chair.getByRole('button', { name: 'End the meeting' }).click();
    await chair.getByRole('alertdialog').getByRole('button', { name: 'End the meeting' }).click();
    await chair.getByText('The meeting ended.').first().waitFor();
    await expectNoAxeViolations(chair);

    // The next meeting of the series shows the unfinished action.
    await chair.goto(`/meetings/${seriesId}/${addDays(today, 7)}`);
    await waitForHeading(chair, TITLE);
    await chair.getByTestId('carried-forward').getByText(ACTION).first().waitFor();
    await expectNoAxeViolations(chair);

    // Another trust's SENCO: not found.
    const other = await newPage();
    await signIn(other, OTHER_TRUST_SENCO);
    await other.goto(`/meetings/${seriesId}/${key}`);
    await waitForHeading(other, 'Meeting not found');
    await expectNoAxeViolations(other);
  });

  it('finding a time: the SEND lead offers two times, the SENCO answers in the grid, the SEND lead picks one and the meeting is made', async () => {
    const POLL = `Census review ${run}`;
    const organiser = await newPage();
    await signIn(organiser, SEND_LEAD);
    await organiser.goto('/meetings/polls/new');
    await waitForHeading(organiser, 'Find a time');
    await organiser.getByLabel('Who it is for').selectOption({ label: 'Trust: Assisi Catholic Trust' });
    await organiser.getByLabel('Title', { exact: true }).fill(POLL);
    await organiser.getByRole('radio', { name: 'Online' }).check();
    await organiser.getByLabel('Date 1', { exact: true }).fill(dayFromToday(3));
    await organiser.getByLabel('Start 1', { exact: true }).fill('10:00');
    await organiser.getByLabel('Date 2', { exact: true }).fill(dayFromToday(4));
    await organiser.getByLabel('Start 2', { exact: true }).fill('14:00');
    await organiser.getByLabel('Search by name').fill('Holy Family');
    await organiser.getByRole('button', { name: 'Search for people to ask' }).click();
    await organiser.getByRole('button', { name: 'Choose SENCO, Holy Family Primary' }).click();
    await expectNoAxeViolations(organiser);
    await organiser.getByRole('button', { name: 'Ask them' }).click();
    await waitForHeading(organiser, `Find a time: ${POLL}`);
    await expectNoAxeViolations(organiser);
    const pollPath = new URL(organiser.url()).pathname;

    const senco = await newPage();
    await signIn(senco, DEMO.sencoHolyFamily);
    await senco.goto('/meetings');
    await waitForHeading(senco, 'My meetings');
    await senco.getByRole('link', { name: POLL }).click();
    await waitForHeading(senco, `Find a time: ${POLL}`);
    const mine = senco.locator('tr.mine select');
    await mine.nth(0).selectOption('YES');
    await mine.nth(1).selectOption('NO');
    await senco.getByRole('button', { name: 'Save my answers' }).click();
    await senco.getByText('Your answers were saved.').first().waitFor();
    await expectNoAxeViolations(senco);

    await organiser.goto(pollPath);
    await waitForHeading(organiser, `Find a time: ${POLL}`);
    await organiser
      .getByRole('row', { name: /SENCO, Holy Family Primary/ })
      .getByText('Yes')
      .first()
      .waitFor();
    await organiser.getByRole('radio').first().check();
    await organiser.getByLabel('Joining link').fill('https://meet.example.test/census');
    await organiser.getByRole('button', { name: 'Make the meeting' }).click();
    await waitForHeading(organiser, POLL);
    await expectNoAxeViolations(organiser);
  });

  it("the chair changes this and the following meetings (Outlook's choice) and cancels one, confirmed; the list shows it struck through", async () => {
    const SERIES = `School SENCO drop-in ${run}`;
    const chair = await newPage();
    await signIn(chair, SEND_LEAD);
    const first = dayFromToday(1);
    const { createMeeting } = await gql<{ createMeeting: { id: string } }>(
      chair,
      `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }`,
      {
        input: {
          scopeKind: 'TRUST',
          trustId: (
            await gql<{ trusts: Array<{ id: string; name: string }> }>(chair, '{ trusts { id name } }')
          ).trusts.find((t) => t.name === 'Assisi Catholic Trust')?.id,
          title: SERIES,
          mode: 'ONLINE',
          onlineLink: 'https://meet.example.test/drop-in',
          firstDate: first,
          startTime: '09:30',
          minutes: 45,
          recurrence: { kind: 'WEEKLY', interval: 1 },
          count: 4,
        },
      },
    );
    const second = addDays(first, 7);
    await chair.goto(`/meetings/${createMeeting.id}/${second}`);
    await waitForHeading(chair, SERIES);
    await chair.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = chair.getByRole('dialog', { name: 'Change the meeting' });
    await dialog.getByRole('radio', { name: 'This and following' }).check();
    await dialog.getByLabel('Start time (UK time)').fill('10:00');
    await expectNoAxeViolations(chair);
    await dialog.getByRole('button', { name: 'Save the change' }).click();
    await chair.getByText('Everyone invited is told by email.').first().waitFor();
    await waitForHeading(chair, SERIES);
    expect(new URL(chair.url()).pathname).not.toContain(createMeeting.id);
    await chair.getByText('10:00 to 10:45 UK time').first().waitFor();

    // Cancel the meeting after that one, in the new series.
    const [, , newSeries] = new URL(chair.url()).pathname.split('/');
    await chair.goto(`/meetings/${newSeries}/${addDays(second, 7)}`);
    await waitForHeading(chair, SERIES);
    await chair.getByRole('button', { name: 'Cancel this meeting' }).click();
    const confirm = chair.getByRole('alertdialog');
    await expectNoAxeViolations(chair);
    await confirm.getByRole('button', { name: 'Cancel this meeting' }).click();
    await chair.getByText('The meeting was cancelled.').first().waitFor();
    await chair.goto('/meetings');
    await waitForHeading(chair, 'My meetings');
    const cancelled = chair
      .getByRole('listitem')
      .filter({ hasText: SERIES })
      .filter({ hasText: 'Cancelled' });
    await cancelled.first().waitFor();
    await expect(cancelled.count()).resolves.toBe(1);
    await expectNoAxeViolations(chair);
  });

  it("term dates: a headteacher gives the school its own dates, then follows the local authority's again", async () => {
    const head = await newPage();
    await signIn(head, 'headteacher.holy-family@demo.lantern.test');
    await head.goto('/admin/term-dates');
    await waitForHeading(head, 'Term dates');
    await head.getByText("This school follows its local authority's term dates").first().waitFor();
    await expectNoAxeViolations(head);
    await head.getByLabel('Name').first().fill('Autumn term (school)');
    await head.getByRole('button', { name: 'Save the term dates' }).click();
    await head.getByText('Term dates saved.').first().waitFor();
    await head.getByText('This school has its own term dates.').first().waitFor();
    await head.getByRole('button', { name: 'Follow the local authority' }).click();
    await head.getByRole('alertdialog').getByRole('button', { name: 'Follow the local authority' }).click();
    await head.getByText("The school now follows its local authority's term dates.").first().waitFor();
    await expectNoAxeViolations(head);
  });
});
