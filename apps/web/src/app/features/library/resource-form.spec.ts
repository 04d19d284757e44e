import { Role, ShareScope } from '@lantern/shared-domain';
import {
  audienceOptions,
  blankSections,
  draftsToSections,
  parseResourceTags,
  precheckFile,
  sectionsToDrafts,
} from './resource-form';

const places = {
  trusts: [
    {
      id: 't-a',
      name: 'Assisi Catholic Trust',
      schools: [
        { id: 's-hf', displayName: 'Holy Family Primary' },
        { id: 's-sj', displayName: "St Joseph's Primary (Assisi)" },
      ],
    },
    {
      id: 't-c',
      name: 'Christus Catholic Trust',
      schools: [{ id: 's-hc', displayName: 'Holy Cross Primary' }],
    },
  ],
};

describe('resource form helpers', () => {
  it('offers a SENCO their school, their trust and the network only', () => {
    const actor = { userId: 'u', grants: [{ role: Role.Senco, trustId: 't-a', schoolId: 's-hf' }] };
    expect(audienceOptions(actor, places).map((o) => o.value)).toEqual([
      'NETWORK',
      'TRUST:t-a',
      'SCHOOL:s-hf',
    ]);
    const school = audienceOptions(actor, places).find((o) => o.shareScope === ShareScope.School)!;
    expect(school).toMatchObject({ trustId: 't-a', schoolId: 's-hf', label: 'Holy Family Primary only' });
  });

  it('offers staff nothing (they may not publish)', () => {
    const actor = { userId: 'u', grants: [{ role: Role.Staff, trustId: 't-a', schoolId: 's-hf' }] };
    expect(audienceOptions(actor, places)).toEqual([]);
  });

  it('turns sections into editor rows and back, prompts one per line', () => {
    const rows = sectionsToDrafts([{ key: 'B', title: 'Needs', guidance: 'g', prompts: ['One?', 'Two?'] }]);
    expect(rows).toHaveLength(11);
    expect(rows[1]).toEqual({ key: 'B', title: 'Needs', guidance: 'g', prompts: 'One?\nTwo?' });
    const back = draftsToSections(rows.map((r) => (r.key === 'C' ? { ...r, prompts: ' a \n\n b ' } : r)));
    expect(back[1].prompts).toEqual(['One?', 'Two?']);
    expect(back[2].prompts).toEqual(['a', 'b']);
    expect(back[0].title).toBe(blankSections()[0].title);
  });

  it('normalises tags and refuses empty or oversized files before sending them', () => {
    expect(parseResourceTags('EHCP, Annual review, ehcp')).toEqual(['ehcp', 'annual-review']);
    expect(precheckFile(new File([], 'empty.pdf'))).toMatch(/empty/);
    expect(precheckFile(new File(['12345'], 'big.pdf'), 4)).toMatch(/too large/);
    expect(precheckFile(new File(['1'], 'ok.pdf'))).toBeNull();
  });
});
