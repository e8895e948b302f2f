import { QueryTypes } from 'sequelize';
import { createSeeder } from '../../../database/migrator';
import { up as seedPartners } from '../../../database/seeders/2026.11.28T10.01.00.partners';
import { up as seedPlan } from '../../../database/seeders/2026.11.28T10.00.00.action-plan';
import { Objective } from '../objectives/objective.model';
import { Partner } from '../partners/partner.model';
import { Relationship } from '../relationships/relationship.model';
import { testContext } from '../testing/test-app';

describe('the reference data seeders', () => {
  it('seed every organisation the plan names, with kind and country', async () => {
    const expected: [string, string, string | null][] = [
      ['Brühl', 'twin_town', 'DE'],
      ['Royal Leamington Spa', 'twin_town', 'GB'],
      ['Zelenodolsk', 'partner_town', 'UA'],
      ['U-LEAD with Europe', 'programme', null],
      ['AFCCRE', 'network', 'FR'],
      ['ENUT', 'network', null],
      ['Mouvement Européen – France', 'network', 'FR'],
      ['Université Paris-Saclay', 'university', 'FR'],
      ['Faculté Jean-Monnet', 'university', 'FR'],
      ['IUT de Sceaux', 'university', 'FR'],
      ['EUGLOH', 'network', null],
      ['ELoGE', 'label', null],
      ['Label Ville européenne', 'label', 'FR'],
      ['Projeunes', 'programme', 'FR'],
      ['Conseil de l’Europe', 'institution', 'FR'],
    ];
    for (const [name, kind, country] of expected) {
      const partner = await Partner.findOne({ where: { name } });
      expect(partner).withContext(name).not.toBeNull();
      expect(partner?.kind).withContext(name).toBe(kind as never);
      expect(partner?.country).withContext(name).toBe(country);
    }
    const zelenodolsk = await Partner.findOne({ where: { name: 'Zelenodolsk' } });
    expect(zelenodolsk?.localNames).toEqual({ uk: 'Зеленодольськ' });
  });

  it('seed one example association per country the plan lists, marked as an example', async () => {
    const examples = await Partner.findAll({ where: { kind: 'association', isExample: true } });
    const names = examples.map((partner) => partner.name).join(' | ');
    for (const country of ['Madagascar', 'Arménie', 'Birmanie', 'Burkina Faso']) expect(names).toContain(country);
  });

  it('seed the relationships between them', async () => {
    const link = async (source: string, type: string, target: string) => {
      const [from, to] = await Promise.all([Partner.findOne({ where: { name: source } }), Partner.findOne({ where: { name: target } })]);
      return Relationship.findOne({ where: { sourcePartnerId: from!.id, targetPartnerId: to!.id, type } });
    };
    expect(await link('IUT de Sceaux', 'part_of', 'Université Paris-Saclay')).not.toBeNull();
    expect(await link('Université Paris-Saclay', 'member_of', 'EUGLOH')).not.toBeNull();
    expect(await link('Brühl', 'twinned_with', 'Ville de Sceaux')).not.toBeNull();
    expect(await link('Royal Leamington Spa', 'twinned_with', 'Ville de Sceaux')).not.toBeNull();
  });

  it('are idempotent: running them again changes nothing', async () => {
    const { sequelize } = testContext();
    const count = async (table: string) =>
      (await sequelize.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`, { type: QueryTypes.SELECT }))[0]!.n;
    const before = { partners: await count('partners'), relationships: await count('relationships'), objectives: await Objective.count() };
    await createSeeder(sequelize).up();
    await seedPlan({ context: sequelize.getQueryInterface() });
    await seedPartners({ context: sequelize.getQueryInterface() });
    expect(Number(await count('partners'))).toBe(Number(before.partners));
    expect(Number(await count('relationships'))).toBe(Number(before.relationships));
    expect(await Objective.count()).toBe(before.objectives);
  });
});
