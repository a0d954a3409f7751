/**
 * Group units ("Các bộ, ngành, địa phương") and who they stand for.
 *
 * Membership rules, by the group's `scope` in the registry:
 * - all_ministries_and_agencies: the 14 ministries, the 3 ministerial-level agencies
 *   (subkind ministerial_level) and the 5 government agencies (subkind government_agency) = 22.
 * - all_34_provincial_units: the 28 provinces and 6 centrally-run cities = 34.
 * - all_ministries_agencies_and_provinces: both of the above = 56.
 * - the_6_centrally_run_cities: the 6 cities.
 * - subset_of_… (e.g. "Các địa phương liên quan") and party_bodies: membership is not
 *   stated by the name, so no members ([]).
 * Courts, the procuracy, party bodies, state-owned groups and units under a ministry
 * are never members of "các bộ, ngành".
 */
import type { RegistryUnit } from './registry';

const CENTRAL_SUBKINDS = new Set(['ministry', 'ministerial_level', 'government_agency']);

const isCentral = (u: RegistryUnit) => (u.kind === 'ministry' || u.kind === 'agency') && CENTRAL_SUBKINDS.has(u.subkind ?? 'ministry');
const isProvincial = (u: RegistryUnit) => u.kind === 'province' || u.kind === 'city';

const SCOPES: Record<string, (u: RegistryUnit) => boolean> = {
  all_ministries_and_agencies: isCentral,
  all_34_provincial_units: isProvincial,
  all_ministries_agencies_and_provinces: (u) => isCentral(u) || isProvincial(u),
  the_6_centrally_run_cities: (u) => u.kind === 'city',
};

/** Canonical names of the members of `group` among `units`, in registry order. */
export function groupMembers(group: RegistryUnit, units: RegistryUnit[]): string[] {
  const test = group.kind === 'group' && group.scope ? SCOPES[group.scope] : undefined;
  return test ? units.filter(test).map((u) => u.canonical) : [];
}
