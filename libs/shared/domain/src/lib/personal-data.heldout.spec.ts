/**
 * A held-out check: sentences written after the detector was tuned on personal-data.corpus.ts and
 * never used to tune it. Looser bounds than the main corpus; the figures go in docs/performance.md.
 */
import { expect, it } from 'vitest';
import { NAME_DATA } from '../names';
import { findPersonalData } from './personal-data';
const ID = [
  'Brooklyn Hayes has started hiding under the table during maths.',
  'Can anyone recommend a dyslexia screener? Ezekiel Moore is really struggling.',
  "Nevaeh's foster carer has asked for a copy of the plan.",
  'Report for Kayden Ashworth attached – please check Section B.',
  'Minutes: Aurora Blake has had no incidents since the sensory breaks started.',
  'Item 3: Roman Castillo – move to the ARP.',
  'Jaxon struggles to follow two-step instructions.',
  'We have applied for funding for Hallie Stone, who needs a hoist.',
  'Teddie-Rae now uses her talker to ask for help.',
  "Mum wants Eden's SALT sessions to move to the afternoon.",
  'Kofi Mensah finds the corridor noise overwhelming.',
  'Anyone know how to get a CAMHS referral moving? Lottie is self-harming.',
  'Sebastian Clarke-Wright, Y8, is on a part-time timetable.',
  'Amara Okonkwo has been offered a place at the special school.',
  'Our TA works with Bodhi every afternoon on fine motor skills.',
  'Reggie Doyle threw a chair on Tuesday and we need advice.',
  'Penelope Ashby’s EHCP still lists the wrong school.',
  'Note: Leon Baptiste uses a coloured overlay.',
  'Agenda item: Rosa Kaminski, annual review, Year 5.',
  'Casper loves trains, so we use them for counting.',
  'Ivy-Rose Fletcher has a new wheelchair and the ramp is too steep.',
  'Has anyone supported a pupil like Gabriel Nunes with PDA?',
  'Stella Murray now stays in class for the whole of phonics.',
  'The paediatrician saw Rowan Pike last Friday.',
  'Hugo is anxious about the new classroom.',
  'Elijah Grant’s placement breakdown was discussed.',
  'Adam Novak needs a scribe for the mocks.',
  'Summer-Rose Price is moving to Scotland in April.',
  'TA to log every time Mason Bell leaves the room.',
  'Can Zac Harding use a laptop in the exam?',
];
const ORD = [
  'Does anyone run a sensory circuit before the school day starts?',
  'Our Lady of Ransom Primary has a new nurture room.',
  'Will the portal accept scanned signatures?',
  'Hope everyone had a restful Easter break.',
  'Item 5: Precision Teaching data for the autumn term.',
  'St Joseph the Worker Primary is joining the network.',
  'The Christus Catholic Trust SEND lead will chair.',
  'Please bring your provision maps to the meeting on Friday.',
  'Rainbow class are trialling wobble cushions.',
  'The Grace Academy behaviour team shared their restorative scripts.',
  'Ask the Specialist Teacher Team for an outreach visit.',
  'Does the Thurrock panel accept evidence older than a year?',
  'Attention Autism stage 3 worked well with our Reception children.',
  'King Edward Grammar School runs a SEND open evening.',
  'Summer term is busy with transition, so plan early.',
  'Bishop Challoner Catholic School has a hearing impairment base.',
  'The Lady Bay Surgery moved its clinic to Mondays.',
  'Maple class finish at 3pm on Fridays.',
  'The Willow Centre offers respite for families.',
  'We follow the Nuffield Early Language Intervention in Reception.',
  'Any tips on writing a good one-page profile with the child?',
  'Mrs Khan from the Essex Hearing Service visited.',
  'Read Charlie and the Chocolate Factory by Roald Dahl in class.',
  'The Jigsaw PSHE scheme has a unit on feelings.',
  'Our SENCO network meets at Holy Cross Primary next half term.',
  'Harry Potter is the class novel in Year 5.',
  'May I share the toolkit with the trust?',
  'The new Ordinarily Available Provision guidance from Essex is out.',
  'Mark scheme adjustments are allowed for some access arrangements.',
  'Victoria from the LA said the panel meets fortnightly.',
];
it('stays accurate on sentences it was not tuned on', () => {
  const miss = ID.filter((t) => !findPersonalData(t, { names: NAME_DATA }).length);
  const fa = ORD.map((t) => [t, findPersonalData(t, { names: NAME_DATA }).map((f) => f.match)]).filter(
    (x) => x[1].length,
  );
  console.log(
    `Held-out: stopped ${ID.length - miss.length}/${ID.length}, flagged ${fa.length}/${ORD.length}`,
    JSON.stringify({ miss, fa }, null, 1),
  );
  expect(miss.length / ID.length).toBeLessThanOrEqual(0.1);
  expect(fa.length / ORD.length).toBeLessThanOrEqual(0.1);
});
