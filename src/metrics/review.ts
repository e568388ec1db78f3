// Sections 3–6 from the figures already in the document: operations figures go in first, then
// the team and the plan, the diagnosis over all of them, and last the key projects, whose KPIs
// may name any figure computed before them.
import type { Narrative } from '../narrative/schema.js';
import type { CampaignMetrics } from './campaigns.js';
import { diagnose } from './diagnosis/engine.js';
import type { Thresholds } from './diagnosis/thresholds.js';
import { diagnosisView } from './diagnosis/view.js';
import type { MetricsDocument } from './document.js';
import { isFigure, buildProjects, type FigureReferenceProblem } from './projects.js';
import type { OperationsMetrics } from './operations.js';
import { computePlan, type Targets } from './plan.js';
import { computeTeam } from './team.js';
import { missingFigure } from './figure.js';

export interface ReviewInputs {
  operations: OperationsMetrics;
  campaigns: CampaignMetrics;
  narrative: Narrative | null;
  narrativeFile: string | null;
  thresholds: Thresholds;
  targets: Targets;
  /** The quarter after the report quarter, e.g. 2026Q4. */
  nextQuarter: string;
  minorPerMajor: number;
}

/** Adds operations, team, plan, diagnosis and projects to `doc`; returns figure-reference problems. */
export function completeReview(doc: MetricsDocument, r: ReviewInputs): FigureReferenceProblem[] {
  doc.operations = r.operations;
  const view = diagnosisView(doc, r.operations);
  const overview = doc.overview as MetricsDocument['overview'] & { newBuyers?: unknown };
  doc.team = computeTeam({
    team: r.narrative?.team,
    gmv: doc.overview.gmv,
    orders: doc.overview.orders,
    tickets: r.operations.tickets,
    firstResponseMedian: view.core.firstResponse?.median,
  });
  doc.plan = computePlan({
    nextQuarter: r.nextQuarter,
    targets: r.targets,
    gmv: doc.overview.gmv,
    byCategory: doc.overview.byCategory.map((row) => ({ key: row.key, gmvMinor: row.gmv.value })),
    byPlatform: doc.overview.byPlatform.map((row) => ({ key: row.key, gmvMinor: row.gmv.value })),
    newBuyers: isFigure(overview.newBuyers) ? overview.newBuyers : missingFigure('count', 'new buyers are not computed'),
    conversion: view.core.conversion,
    repurchaseRate: view.core.repurchaseRate,
    procurementCycle: r.operations.supply.leadTime,
    inventoryTurnover: r.operations.inventory.turnover,
    slowMovingShare: r.operations.slowMoving.share,
    liveShare: r.operations.liveShare,
    standards: {
      leadTimeDays: r.thresholds.supplierLeadTime.standardDays,
      turnover: r.thresholds.inventoryTurnover.min,
      slowMovingShare: r.thresholds.slowMoving.maxShare,
    },
    narrative: r.narrative?.plan,
    minorPerMajor: r.minorPerMajor,
  });
  doc.diagnosis = diagnose(view, r.thresholds);
  const { projects, problems } = buildProjects({ narrative: r.narrative, doc, minorPerMajor: r.minorPerMajor });
  doc.projects = { campaigns: r.campaigns, projects, narrativeFile: r.narrativeFile };
  return problems;
}
