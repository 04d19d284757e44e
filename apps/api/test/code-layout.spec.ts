import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const MODULES = join(__dirname, '../src/modules');

/**
 * Modules not moved to the one layout yet, each with the reason. Remove an entry once its module
 * follows it.
 */
const NOT_YET: Record<string, string> = {
  auth: 'being changed by the second-factor work (auth.inputs.ts, an input in reading-preferences.model.ts)',
  ehcp: 'being changed by the second-factor work (ehcp.models.ts)',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/**
 * One layout for GraphQL types in every feature, so a newcomer finds them without searching:
 * inputs in `dto/<name>.input.ts`, object types in `<name>.model.ts` (or under `models/`).
 */
describe('where GraphQL types live', () => {
  const all = filesUnder(MODULES)
    .filter((f) => !f.endsWith('.spec.ts'))
    .map((f) => ({ path: relative(MODULES, f).split('\\').join('/'), text: readFileSync(f, 'utf8') }));
  const moduleOf = (path: string) => path.split('/')[0] ?? '';
  const misplacedInputs = (files: typeof all) =>
    files
      .filter((f) => /@InputType\(/.test(f.text))
      .filter((f) => !/(^|\/)dto\/[\w.-]+\.input\.ts$/.test(f.path))
      .map((f) => f.path);
  const misplacedModels = (files: typeof all) =>
    files
      .filter((f) => /@ObjectType\(/.test(f.text))
      .filter((f) => !/(\.model\.ts$|(^|\/)models\/)/.test(f.path))
      .map((f) => f.path);
  const files = all.filter((f) => !(moduleOf(f.path) in NOT_YET));

  it('keeps every input type in dto/*.input.ts', () => {
    expect(misplacedInputs(files)).toEqual([]);
  });

  it('keeps every object type in *.model.ts or models/', () => {
    expect(misplacedModels(files)).toEqual([]);
  });

  it('lists as not yet moved only modules that exist and do not follow the layout', () => {
    const stillOff = new Set([...misplacedInputs(all), ...misplacedModels(all)].map(moduleOf));
    expect(Object.keys(NOT_YET).filter((m) => !stillOff.has(m))).toEqual([]);
  });
});
