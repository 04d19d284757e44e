import type { NameData } from './person-names';

/**
 * Finds likely pupil identifiers in text meant for practice (forum posts, resources, agendas), so
 * people can take them out before saving. The same check runs in the client (as they type) and in
 * the API (before saving). It errs towards asking: a false alarm costs a click, a leak does not.
 */
export enum PersonalDataKind {
  Upn = 'UPN',
  NhsNumber = 'NHS_NUMBER',
  DateOfBirth = 'DATE_OF_BIRTH',
  Email = 'EMAIL',
  Phone = 'PHONE',
  /** A person's name: a known given name with a surname, or alone where it reads as a person. */
  PersonName = 'PERSON_NAME',
  /** A full name next to a year group, found without the name data (any capitalised pair). */
  NameWithYearGroup = 'NAME_WITH_YEAR_GROUP',
  Address = 'ADDRESS',
}

export const PERSONAL_DATA_LABEL: Readonly<Record<PersonalDataKind, string>> = {
  [PersonalDataKind.Upn]: 'a unique pupil number (UPN)',
  [PersonalDataKind.NhsNumber]: 'an NHS number',
  [PersonalDataKind.DateOfBirth]: 'a date of birth',
  [PersonalDataKind.Email]: 'an email address',
  [PersonalDataKind.Phone]: 'a phone number',
  [PersonalDataKind.PersonName]: "a person's name",
  [PersonalDataKind.NameWithYearGroup]: 'a full name next to a year group',
  [PersonalDataKind.Address]: 'a home address or postcode',
};

export interface PersonalDataOptions {
  /**
   * Given-name data (from '@lantern/shared-domain/names'). Without it only names next to a year
   * group are found; the client loads it lazily, the API always passes it.
   */
  names?: NameData | null;
  /** Names that are not pupils and may stay: the directory's members' display names. */
  allowedNames?: readonly string[];
}

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** The matched text, for highlighting. */
  match: string;
  /** Offset of the match in the text. */
  index: number;
}

/** NHS numbers: 10 digits, the last a modulus-11 check digit over the first nine (weights 10..2). */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

/** Words that are capitalised in school writing but are not names, to keep false alarms down. */
const NOT_NAMES = /* @__PURE__ */ new Set(
  `primary secondary high school schools infants infant junior juniors academy college trust trusts holy family cross sacred
  heart lady our saint st year years key stage class group team support teacher teachers assistant assistants head
  reading maths english science phonics cohort pupils pupil children child autumn spring summer term half monday tuesday
  wednesday thursday friday saturday sunday january february march april may june july august september october november
  december essex thurrock southend local authority send senco sencos ehcp ehcps section annual review the this that these
  those all most some each every in for from since last next current previous whole new plan plans provision map
  positive handling speech language therapy service services special educational needs inclusion lead leads network
  meeting meetings training today tomorrow yesterday`.split(/\s+/),
);

const NAME = "[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?";
const YEAR_GROUP = '(?:[Yy]ear\\s*\\d{1,2}|[Yy]r\\s*\\d{1,2}|Y\\d{1,2}\\b|[Rr]eception|[Nn]ursery)';

function looksLikeName(
  first: string | undefined,
  last: string | undefined,
  names?: NameData | null,
): boolean {
  if (!first || !last) return false;
  return [first, last].every((w) => !NOT_NAMES.has(w.toLowerCase()) && !names?.isNotAName(w.toLowerCase()));
}

const PATTERNS: ReadonlyArray<{
  kind: PersonalDataKind;
  re: RegExp;
  accept?: (m: RegExpExecArray, names?: NameData | null) => boolean;
}> = [
  // UPN: a letter then 12 digits (the last character may also be a letter for temporary UPNs).
  { kind: PersonalDataKind.Upn, re: /\b[A-HJ-NP-TV-Z]\d{11}[0-9A-HJ-NP-TV-Z]\b/gi },
  // NHS number: 10 digits, written 3-3-4 or together, with a valid check digit.
  {
    kind: PersonalDataKind.NhsNumber,
    re: /\b\d{3}[ -]?\d{3}[ -]?\d{4}\b/g,
    accept: (m) => isValidNhsNumber(m[0].replace(/[ -]/g, '')),
  },
  // Dates of birth: "DOB"/"born" near a date, or any full date with a year in the last 25 years.
  {
    kind: PersonalDataKind.DateOfBirth,
    re: /* @__PURE__ */ new RegExp(
      `\\b(?:d\\.?o\\.?b\\.?|date of birth|born)\\b[:\\s]*(?:on\\s+)?(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\s+\\d{2,4})`,
      'gi',
    ),
  },
  {
    kind: PersonalDataKind.DateOfBirth,
    re: /\b(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})\b/g,
    accept: (m) => {
      const year = Number(m[3]);
      const now = new Date().getFullYear();
      return Number(m[1]) <= 31 && Number(m[2]) <= 12 && year >= now - 25 && year <= now;
    },
  },
  { kind: PersonalDataKind.Email, re: /\b[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}\b/gi },
  // UK phone numbers: 07xxx xxxxxx, 01/02/03 landlines, +44.
  { kind: PersonalDataKind.Phone, re: /(?:\+44\s?\(?0?\)?\s?|\b0)(?:\d[\s-]?){9,10}\b/g },
  // "Firstname Lastname (Year 4)", "Firstname Lastname, Y6", "Firstname Lastname in Reception".
  {
    kind: PersonalDataKind.NameWithYearGroup,
    re: /* @__PURE__ */ new RegExp(
      `\\b(${NAME})\\s+(${NAME})\\s*[,(–-]?\\s*(?:in\\s+)?${YEAR_GROUP}\\)?(?!\\s*[A-Z][a-z])`,
      'g',
    ),
    accept: (m, names) => looksLikeName(m[1], m[2], names),
  },
  // "Year 2 pupil Firstname Lastname".
  {
    kind: PersonalDataKind.NameWithYearGroup,
    re: /* @__PURE__ */ new RegExp(
      `${YEAR_GROUP}\\s+(?:pupil|child|student|boy|girl)?\\s*[,:–-]?\\s*(${NAME})\\s+(${NAME})\\b`,
      'g',
    ),
    accept: (m, names) => looksLikeName(m[1], m[2], names),
  },
  // UK postcodes ("SS14 3AB"), upper case as written on letters.
  { kind: PersonalDataKind.Address, re: /\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?)\s?\d[ABD-HJLNP-UW-Z]{2}\b/g },
  // A house number and street: "14 Elm Road", "3a Church Lane".
  {
    kind: PersonalDataKind.Address,
    re: /\b\d{1,4}[a-z]?,?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Road|Rd|Street|Lane|Avenue|Ave|Close|Crescent|Drive|Way|Gardens|Grove|Court|Place|Terrace|Rise|Mews|Walk|Hill|View|Square)\b/g,
  },
];

/** Likely pupil identifiers in `text`, in order of appearance, without overlaps. */
export function findPersonalData(text: string, options: PersonalDataOptions = {}): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      if (p.accept && !p.accept(m, options.names)) continue;
      const match = m[0].trim();
      found.push({ kind: p.kind, match, index: m.index + m[0].indexOf(match) });
    }
  }
  if (options.names) {
    for (const n of options.names.find(text, options.allowedNames)) {
      found.push({ kind: PersonalDataKind.PersonName, match: n.match, index: n.index });
    }
  }
  found.sort((a, b) => a.index - b.index || b.match.length - a.match.length);
  return found.filter(
    (f, i) =>
      !found
        .slice(0, i)
        .some((g) => f.index < g.index + g.match.length && g.index < f.index + f.match.length),
  );
}

/** `text` with every finding replaced by "[removed]" (findings as returned for this text). */
export function removeFindings(text: string, findings: readonly PersonalDataFinding[]): string {
  let out = text;
  for (const f of [...findings].sort((a, b) => b.index - a.index)) {
    if (out.slice(f.index, f.index + f.match.length) !== f.match) continue;
    out = `${out.slice(0, f.index)}[removed]${out.slice(f.index + f.match.length)}`;
  }
  return out;
}

/** One plain sentence saying what was found, for the person writing. */
export function describeFindings(findings: readonly PersonalDataFinding[]): string {
  const kinds = [...new Set(findings.map((f) => PERSONAL_DATA_LABEL[f.kind]))];
  if (!kinds.length) return '';
  const list =
    kinds.length === 1 ? kinds[0] : `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]}`;
  return `This looks like it includes ${list}. Posts are for practice, not pupil details: please remove it, or describe the pupil by a pseudonymous reference such as initials and year group.`;
}
