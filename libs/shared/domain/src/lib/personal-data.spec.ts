import { describe, expect, it } from 'vitest';
import { PersonalDataKind, describeFindings, findPersonalData, isValidNhsNumber } from './personal-data';

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
