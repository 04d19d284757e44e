/**
 * Finds likely people's names in free text for the personal-data check: a known given name followed
 * by a capitalised surname ("Olivia Brown", "Ava-Rose O'Neill"), or a known given name on its own
 * where it reads as a person ("Olivia has settled", "Olivia's mum"). The given names come from a data
 * set (see ../names.ts), passed in so the client can load it lazily.
 *
 * To keep false alarms low on school writing it leaves alone capitalised runs that name a school,
 * trust, place or programme ("St Thomas More", "Grace Owen Nursery", "Lego Therapy"), people named
 * with a title (staff: "Mrs Patel", "Dr Amelia Shaw"), authors ("by Julia Donaldson"), class names
 * ("Hazel class") and the names of the directory's own members (`allowed`).
 */
export interface NameData {
  /** Given names, lower case. */
  given: ReadonlySet<string>;
  /** Given names that are also everyday words ("will", "hope", "summer"): need stronger evidence. */
  everyday: ReadonlySet<string>;
  /**
   * The name finder and its word lists travel with the data (not imported by personal-data.ts), so
   * in the browser they load lazily with it and stay out of the initial bundle.
   */
  find: (text: string, allowed?: readonly string[]) => NameFinding[];
  isNotAName: (lower: string) => boolean;
}

/** Builds NameData from the space-separated lists in the generated data file. */
export function nameData(given: string, everyday: string): NameData {
  const data: NameData = {
    given: new Set(given.split(' ')),
    everyday: new Set(everyday.split(' ')),
    find: (text, allowed = []) => findNames(text, data, allowed),
    isNotAName,
  };
  return data;
}

export interface NameFinding {
  match: string;
  index: number;
}

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/** A capitalised run holding one of these names a school, organisation, place, event or programme. */
const ORGANISATION =
  /* @__PURE__ */ words(`school schools primary secondary infant infants junior juniors academy academies college
  university nursery preschool federation trust trusts partnership foundation council authority borough county city
  town village church chapel cathedral parish diocese hospital clinic surgery centre center service services unit hub
  department office road street lane avenue close crescent drive gardens grove court terrace mews square park station
  house library museum theatre club society association charity network forum board panel committee therapy therapies
  teaching teach semantics regulation zones boost circuits stories programme program intervention interventions award
  awards fund scheme project week day festival fayre fair assembly conference cup trophy prize campus estate`);

/** Capitalised words that follow a given name without being a surname ("Summer Term", "Max Pupils"). */
const NOT_SURNAME =
  /* @__PURE__ */ words(`monday tuesday wednesday thursday friday saturday sunday january february march april may
  june july august september october november december spring summer autumn winter term terms half year years class
  classes group groups set sets team teams table tables plan plans review reviews meeting meetings report reports
  assessment assessments strategy strategies policy toolkit toolkits notes note agenda minutes item items update updates
  summary action actions session sessions training workshop workshops course courses profile profiles scale scales test
  tests check checks screener screening framework approach model level levels stage stages phase phases band bands
  banding maths english science history geography art music drama dance computing french spanish german pe re pshe
  rshe phonics reading writing spelling literacy numeracy autism adhd dyslexia dyspraxia syndrome support supports
  provision needs send senco ehcp ehcps section sections key and or the of to in on at for with from by as is was has
  have had are be this that these those our your their my his her its we they it he she you i a an all any some no
  not yes thanks thank please dear hi hello best regards kind many most more other another each every new old
  transition transitions pupil pupils child children student students parent parents carer carers family families
  teacher teachers staff lead leads head deputy assistant assistants senior manager officer worker workers advisor
  adviser coordinator practitioner practitioners specialist specialists psychologist therapist therapists nurse
  paediatrician consultant governor governors trustee trustees chair member members lunchtime playtime breakfast after
  before morning afternoon evening today tomorrow yesterday local national regional annual interim draft final
  statutory guidance code practice act law local offer sen ld asd asc slcn semh sld pmld mld hi vi msi pd`);

/** Words before a capitalised run that make it a title, a saint or an author rather than a pupil. */
const BEFORE_RUN =
  /* @__PURE__ */ words(`st saint sts holy blessed sacred our pope father fr sister sr brother bishop cardinal rev
  reverend revd canon mr mrs ms miss mx dr prof professor sir dame lord lady cllr councillor judge king queen prince
  princess by author poet`);

/** People taught about in school (history, RE, science): named in lessons, not pupils. */
const FAMOUS = /* @__PURE__ */ [
  'florence nightingale',
  'mary seacole',
  'grace darling',
  'neil armstrong',
  'rosa parks',
  'martin luther king',
  'walter tull',
  'anne frank',
  'greta thunberg',
  'marie curie',
  'amelia earhart',
  'samuel pepys',
  'guy fawkes',
  'isaac newton',
  'charles darwin',
  'mary anning',
  'emmeline pankhurst',
  'elizabeth fry',
  'william shakespeare',
  'roald dahl',
  'julia donaldson',
  'david walliams',
  'michael rosen',
  'temple grandin',
  'stephen hawking',
].map((n) => n.split(' '));

/** Given-name-shaped words that, in school writing, are products or people not at school. */
const NOT_A_PUPIL =
  /* @__PURE__ */ words(`lexia nessy alexa siri elsa jesus christ god allah buddha arbor tapestry seesaw thrive
  widgit clicker sumdog numicon makaton boardmaker`);

/** Words after a lone given name that name a class or group ("Hazel class", "Rowan base"). */
const CLASS_NOUN = /* @__PURE__ */ words(
  `class classes group groups base room house team table tables pod unit`,
);

/** Words after an everyday-word name that make it read as a person ("Will has", "Hope's"). */
const PERSON_VERB =
  /* @__PURE__ */ words(`has hasn't had hadn't is isn't was wasn't can can't cannot could couldn't won't would
  wouldn't does doesn't did didn't gets got finds found struggles struggled loves loved likes liked enjoys enjoyed
  needs needed seems seemed became becomes says said told asked wants wanted refuses refused hits hit ran runs started
  joined left attends attended settled responds responded goes went came comes lives lived moved kicked bit threw
  screamed cried shouted sits sat uses used reads read writes wrote speaks spoke`);

const TOKEN = /([A-Za-z]+(?:['’][A-Z][a-z]+)?(?:-[A-Za-z]+(?:['’][A-Z][a-z]+)?)*)(['’]s\b|['’](?=\s|$))?/g;
const CAPITALISED =
  /^(?:[OD]['’])?(?:Ma?c)?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-(?:[OD]['’])?(?:Ma?c)?[A-Z][a-z]+)*$/;

interface Token {
  word: string;
  lower: string;
  index: number;
  end: number;
  possessive: boolean;
  /** Only spaces between this token and the previous one. */
  joined: boolean;
  capitalised: boolean;
}

function tokenise(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let prevEnd = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const word = m[1];
    const gap = text.slice(prevEnd, m.index);
    out.push({
      word,
      lower: word.toLowerCase().replace(/’/g, "'"),
      index: m.index,
      end: m.index + word.length,
      possessive: !!m[2],
      joined: out.length > 0 && /^[ \t]+$/.test(gap) && !out[out.length - 1].possessive,
      capitalised: CAPITALISED.test(word),
    });
    prevEnd = m.index + m[0].length;
  }
  return out;
}

/** A hyphenated name counts when its first part is a given name: "Ava-Rose", "Lily-Mae". */
function givenName(t: Token, data: NameData): 'clear' | 'everyday' | null {
  if (!t.capitalised || NOT_A_PUPIL.has(t.lower)) return null;
  const first = t.lower.split('-')[0];
  if (!data.given.has(t.lower) && !data.given.has(first)) return null;
  if (t.lower.includes('-')) return 'clear';
  return data.everyday.has(t.lower) ? 'everyday' : 'clear';
}

function surname(t: Token | undefined): boolean {
  return (
    !!t &&
    t.joined &&
    t.capitalised &&
    t.word.length > 1 &&
    !NOT_SURNAME.has(t.lower) &&
    !ORGANISATION.has(t.lower)
  );
}

/** Allowed names (members' display names) as lower-case word sequences. */
function allowedSequences(allowed: readonly string[]): string[][] {
  return allowed
    .map((n) =>
      (n.match(/[A-Za-z]+(?:['’-][A-Za-z]+)*/g) ?? []).map((w) => w.toLowerCase().replace(/’/g, "'")),
    )
    .filter((ws) => ws.length > 0);
}

/** Words that are never part of a pupil's name in school writing (used by the year-group rule too). */
export function isNotAName(lower: string): boolean {
  return NOT_SURNAME.has(lower) || ORGANISATION.has(lower) || NOT_A_PUPIL.has(lower);
}

/** Likely people's names in `text`; `allowed` lists names that are not pupils (members). */
export function findNames(text: string, data: NameData, allowed: readonly string[] = []): NameFinding[] {
  const tokens = tokenise(text);
  const members = allowedSequences(allowed);
  const sequences = [...members, ...FAMOUS];
  const allowedFirst = new Set(members.map((s) => s[0]));
  const found: NameFinding[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!tokens[i].capitalised) {
      i++;
      continue;
    }
    // A capitalised run: consecutive capitalised words (with "of"/"the"/"and" between them).
    let j = i + 1;
    while (j < tokens.length && tokens[j].joined) {
      if (tokens[j].capitalised) j++;
      else if (
        /^(of|the|and|upon|on|de|la|le|van|von|der)$/.test(tokens[j].lower) &&
        tokens[j + 1]?.joined &&
        tokens[j + 1]?.capitalised
      )
        j += 2;
      else break;
    }
    const run = tokens.slice(i, j);
    const before = i > 0 && tokens[i].joined ? tokens[i - 1].lower.replace(/\.$/, '') : '';
    const skip =
      BEFORE_RUN.has(before) ||
      BEFORE_RUN.has(run[0].lower) ||
      run.some((t) => ORGANISATION.has(t.lower)) ||
      (before === 'by' && !run.some((t) => t.possessive));
    if (!skip) scanRun(text, run, tokens[j], data, sequences, allowedFirst, found);
    i = j;
  }
  return found;
}

function scanRun(
  text: string,
  run: Token[],
  after: Token | undefined,
  data: NameData,
  sequences: string[][],
  allowedFirst: ReadonlySet<string>,
  found: NameFinding[],
): void {
  let k = 0;
  while (k < run.length) {
    const seq = sequences.find((s) => s.length > 1 && s.every((w, n) => run[k + n]?.lower === w));
    if (seq) {
      k += seq.length;
      continue;
    }
    const t = run[k];
    const kind = givenName(t, data);
    if (!kind) {
      k++;
      continue;
    }
    let end = k;
    while (end + 1 < run.length && !run[end].possessive && surname(run[end + 1])) end++;
    const next = end + 1 < run.length ? run[end + 1] : after;
    if (end > k) {
      found.push({ match: text.slice(t.index, run[end].end), index: t.index });
      k = end + 1;
      continue;
    }
    const nextWord = next?.joined ? next.lower : '';
    const alone =
      !allowedFirst.has(t.lower) &&
      !CLASS_NOUN.has(nextWord) &&
      (kind === 'clear' || t.possessive || PERSON_VERB.has(nextWord));
    if (alone) found.push({ match: t.word, index: t.index });
    k++;
  }
}
