import { describe, expect, it } from 'vitest';
import { NAME_DATA } from '../names';
import {
  PersonalDataKind,
  describeFindings,
  findPersonalData,
  isValidNhsNumber,
  removeFindings,
} from './personal-data';

const kinds = (text: string) => findPersonalData(text).map((f) => f.kind);

describe('findPersonalData', () => {
  it.each([
    ['UPN A123456789012 is on the referral', PersonalDataKind.Upn],
    ['her upn is h801200001001', PersonalDataKind.Upn],
    ['NHS number 943 476 5919 on the letter', PersonalDataKind.NhsNumber],
    ['nhs 9434765919', PersonalDataKind.NhsNumber],
    ['DOB: 14/03/2017', PersonalDataKind.DateOfBirth],
    ['born on 3rd March 2016 in Basildon', PersonalDataKind.DateOfBirth],
    ['the assessment was requested for a child with birthday 02/11/2015', PersonalDataKind.DateOfBirth],
    ['email mum at parent.name@example.com', PersonalDataKind.Email],
    ['call 07700 900123 after 3', PersonalDataKind.Phone],
    ['school office 01268 555 012', PersonalDataKind.Phone],
    ['+44 7700 900123', PersonalDataKind.Phone],
    ['Jacob Smith (Year 4) has an EHCP', PersonalDataKind.NameWithYearGroup],
    ['Amelia Jones, Y6, needs a reader', PersonalDataKind.NameWithYearGroup],
    ['Year 2 pupil Oliver Brown struggles at lunchtime', PersonalDataKind.NameWithYearGroup],
    ['Ava-Rose Taylor in Reception', PersonalDataKind.NameWithYearGroup],
  ])('catches %s', (text, kind) => {
    expect(kinds(text)).toContain(kind);
  });

  it.each([
    'How long did Essex take to issue your last EHCP? Ours took 38 weeks.',
    'Thurrock banding: 10 hours is £4,120 a year.',
    'We use a pseudonymous reference like JS-Y4 for every case.',
    'Year 4 have started the positive handling refresher.',
    'Key Stage 2 transition meeting on 12 June at Holy Family Primary.',
    'Our Year 6 cohort has 14 pupils at SEN support.',
    'Sacred Heart Primary in Year 3 uses precision teaching.',
    'The 2024 census shows 4.6% EHCP.',
    'Section F must specify provision; see the SEND Code of Practice 2015, 9.69.',
    'Call the LA SEND team on the number in the handbook.',
    'Reference 1234567890 is not an NHS number.',
  ])('lets ordinary practice talk through: %s', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });

  it('validates NHS check digits', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
  });

  it('says in plain words what it found', () => {
    const f = findPersonalData('Jacob Smith (Year 4), DOB 14/03/2017');
    expect(describeFindings(f)).toMatch(
      /^This looks like it includes a full name next to a year group and a date of birth\./,
    );
  });
});

describe('findPersonalData on school names', () => {
  it.each([
    'Sacred Heart Primary in Year 3 uses precision teaching.',
    'St Thomas More High School, Year 7 intake',
    'Holy Family (Year 5) trip',
  ])('does not mistake a school for a pupil: %s', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});

describe('findPersonalData with the given-name data', () => {
  const check = (text: string, allowedNames: string[] = []) =>
    findPersonalData(text, { names: NAME_DATA, allowedNames });

  it.each([
    ['Olivia Brown has settled much better since half term.', 'Olivia Brown'],
    ["We met Olivia's mum after school.", 'Olivia'],
    ['Ava-Rose O’Neill uses a writing slope.', 'Ava-Rose O’Neill'],
    ['Muhammad is refusing to go to PE.', 'Muhammad'],
    ['Will has hit two members of staff.', 'Will'],
  ])('finds the name in %s', (text, name) => {
    expect(check(text)).toContainEqual(
      expect.objectContaining({ kind: PersonalDataKind.PersonName, match: name }),
    );
  });

  it.each([
    'St Thomas More High School hosts the network.',
    'Our Lady of Lourdes Primary uses Colourful Semantics.',
    'Mrs Patel and Dr Amelia Shaw will attend.',
    'Will the LA fund Lego Therapy?',
    'Hazel class use the sensory room.',
    'The Gruffalo by Julia Donaldson.',
  ])('leaves school writing alone: %s', (text) => {
    expect(check(text)).toEqual([]);
  });

  it("lets the directory's members' names through, but not a pupil who shares a first name", () => {
    expect(check('Dana Whitfield shared the referral form. Thanks Dana!', ['Dana Whitfield'])).toEqual([]);
    expect(check('Dana Smith has settled well.', ['Dana Whitfield']).map((f) => f.match)).toEqual([
      'Dana Smith',
    ]);
  });

  it('finds postcodes and house addresses', () => {
    expect(kinds('Lives at 14 Elm Road, Grays RM17 6AB.')).toEqual([
      PersonalDataKind.Address,
      PersonalDataKind.Address,
    ]);
  });

  it('without the name data, still finds a name next to a year group', () => {
    expect(findPersonalData('Olivia Brown has settled.')).toEqual([]);
    expect(kinds('Olivia Brown (Year 4) has settled.')).toEqual([PersonalDataKind.NameWithYearGroup]);
  });
});

describe('removeFindings', () => {
  it('replaces every finding with [removed]', () => {
    const text = "Olivia Brown's mum rang 07700 900123 about Olivia.";
    const findings = findPersonalData(text, { names: NAME_DATA });
    expect(removeFindings(text, findings)).toBe("[removed]'s mum rang [removed] about [removed].");
  });
});
