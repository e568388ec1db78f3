// Section 5, team building: the team from the narrative yaml against the quarter's figures.
//   GMV per head          = GMV ÷ headcount (all roles)
//   orders per head       = orders ÷ headcount
//   tickets per agent     = service tickets created in the quarter ÷ headcount of service roles
//   training hours / head = Σ training hours ÷ headcount
//   certification coverage= Σ certified ÷ headcount
//   response time         = the core section's median first response (its QoQ is the change)
// QoQ compares with the narrative's `team.previous` block and the previous quarter's figures;
// there is no year-ago team, so YoY is n/a.
import type { TeamInput } from '../narrative/schema.js';
import { figure, missingFigure, ratio, type Figure } from './figure.js';

export interface RoleRow {
  role: string;
  service: boolean;
  headcount: Figure;
  trainingHours: Figure;
  trainingHoursPerHead: Figure;
  certified: Figure;
  certificationCoverage: Figure;
  /** This quarter − last quarter: heads, and coverage in points (null without team.previous). */
  headcountChange: number | null;
  coverageChangePoints: number | null;
}

export interface TeamMetrics {
  /** False without a `team:` block: every figure below is then n/a with a reason. */
  hasTeam: boolean;
  hasPrevious: boolean;
  headcount: Figure;
  serviceAgents: Figure;
  gmvPerHead: Figure;
  ordersPerHead: Figure;
  ticketsPerAgent: Figure;
  firstResponseMedian: Figure;
  trainingHoursPerHead: Figure;
  certificationCoverage: Figure;
  /** The team's totals as the role table's last row. */
  totals: RoleRow;
  roles: RoleRow[];
  certifications: { name: string; holders: number; previousHolders: number | null }[];
  initiatives: { name: string; owner: string | null; description: string }[];
}

const NO_TEAM = 'no team: block in the narrative yaml';

export function computeTeam(args: {
  team: TeamInput | undefined;
  gmv: Figure;
  orders: Figure;
  tickets: Figure;
  firstResponseMedian?: Figure;
}): TeamMetrics {
  const response = args.firstResponseMedian ?? missingFigure('seconds', 'no first-response figure');
  const team = args.team;
  if (!team) {
    const none = (unit: Figure['unit']) => missingFigure(unit, NO_TEAM);
    return {
      hasTeam: false,
      hasPrevious: false,
      headcount: none('count'),
      serviceAgents: none('count'),
      gmvPerHead: none('minor'),
      ordersPerHead: none('count'),
      ticketsPerAgent: none('count'),
      firstResponseMedian: response,
      trainingHoursPerHead: none('hours'),
      certificationCoverage: none('ratio'),
      totals: {
        role: '',
        service: false,
        headcount: none('count'),
        trainingHours: none('hours'),
        trainingHoursPerHead: none('hours'),
        certified: none('count'),
        certificationCoverage: none('ratio'),
        headcountChange: null,
        coverageChangePoints: null,
      },
      roles: [],
      certifications: [],
      initiatives: [],
    };
  }
  const prev = team.previous;
  const sum = (roles: readonly { headcount: number; trainingHours: number; certified: number; service: boolean }[] | undefined, f: 'headcount' | 'trainingHours' | 'certified', serviceOnly = false) =>
    roles === undefined ? null : roles.filter((r) => !serviceOnly || r.service).reduce((a, r) => a + r[f], 0);

  const heads = figure('count', sum(team.roles, 'headcount'), sum(prev?.roles, 'headcount'), null);
  const agents = figure('count', sum(team.roles, 'headcount', true), sum(prev?.roles, 'headcount', true), null);
  const training = [sum(team.roles, 'trainingHours'), sum(prev?.roles, 'trainingHours')] as const;
  const certified = [sum(team.roles, 'certified'), sum(prev?.roles, 'certified')] as const;
  const per = (unit: Figure['unit'], num: readonly [number | null, number | null], den: Figure) =>
    figure(unit, ratio(num[0], den.value), ratio(num[1], den.previous), null);

  const row = (role: string, service: boolean, head: Figure, hours: Figure, cert: Figure): RoleRow => ({
    role,
    service,
    headcount: head,
    trainingHours: hours,
    trainingHoursPerHead: figure('hours', ratio(hours.value, head.value), ratio(hours.previous, head.previous), null),
    certified: cert,
    certificationCoverage: figure('ratio', ratio(cert.value, head.value), ratio(cert.previous, head.previous), null),
    headcountChange: difference(head.value, head.previous),
    coverageChangePoints: difference(ratio(cert.value, head.value), ratio(cert.previous, head.previous)),
  });
  const roleNames = [...team.roles.map((r) => r.role)];
  for (const r of prev?.roles ?? []) if (!roleNames.includes(r.role)) roleNames.push(r.role);
  const roles = roleNames.map((name): RoleRow => {
    const now = team.roles.find((r) => r.role === name);
    const before = prev === undefined ? undefined : (prev.roles.find((r) => r.role === name) ?? { headcount: 0, trainingHours: 0, certified: 0 });
    return row(
      name,
      now?.service ?? prev?.roles.find((r) => r.role === name)?.service ?? false,
      figure('count', now?.headcount ?? 0, before?.headcount ?? null, null),
      figure('hours', now?.trainingHours ?? 0, before?.trainingHours ?? null, null),
      figure('count', now?.certified ?? 0, before?.certified ?? null, null),
    );
  });

  const noAgents = agents.value === 0 ? 'no role is marked service: true' : undefined;
  const ticketsPerAgent = figure('count', ratio(args.tickets.value, agents.value), ratio(args.tickets.previous, agents.previous), null);
  return {
    hasTeam: true,
    hasPrevious: prev !== undefined,
    headcount: heads,
    serviceAgents: agents,
    gmvPerHead: figure('minor', perHead(args.gmv.value, heads.value), perHead(args.gmv.previous, heads.previous), null),
    ordersPerHead: figure('count', ratio(args.orders.value, heads.value), ratio(args.orders.previous, heads.previous), null),
    ticketsPerAgent: noAgents && ticketsPerAgent.value === null ? { ...ticketsPerAgent, reason: noAgents } : ticketsPerAgent,
    firstResponseMedian: response,
    trainingHoursPerHead: per('hours', training, heads),
    certificationCoverage: per('ratio', certified, heads),
    totals: row('', false, heads, figure('hours', training[0], training[1], null), figure('count', certified[0], certified[1], null)),
    roles,
    certifications: team.certifications.map((c) => ({
      name: c.name,
      holders: c.holders,
      previousHolders: prev === undefined ? null : (prev.certifications.find((p) => p.name === c.name)?.holders ?? 0),
    })),
    initiatives: team.initiatives.map((i) => ({ name: i.name, owner: i.owner ?? null, description: i.description })),
  };
}

function difference(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : now - before;
}

/** Money per head, kept in whole minor units. */
function perHead(minor: number | null, heads: number | null): number | null {
  const r = ratio(minor, heads);
  return r === null ? null : Math.round(r);
}
