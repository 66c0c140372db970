import type { SiteStatus } from "./transitions.ts";

export interface FunnelSite {
  siteId: number;
  siteCode: string;
  siteName: string;
  inProgramme: boolean;
  /** Trained professionals of the site (the `trained` flag, or a completed course open to them). */
  trainedProfessionals: number;
  /** Of those, the ones who delivered an intervention to a patient enrolled in the programme. */
  deliveringProfessionals: number;
  /** Patients enrolled in the programme at the site, ever. */
  enrolled: number;
  /** The site's current status in the programme; null when none is recorded (or not in it). */
  status: SiteStatus | null;
}

export type FunnelStageName = "not_trained" | "never_started" | "implementing" | "paused_or_stopped";

/**
 * Where a site stands between training and practice: paused or stopped (by its recorded status)
 * first; then implementing once a patient is enrolled; trained and never started when it has
 * trained professionals and no patient; otherwise not trained.
 */
export function stageOf(s: FunnelSite): FunnelStageName {
  if (s.status === "paused" || s.status === "stopped") return "paused_or_stopped";
  if (s.enrolled > 0) return "implementing";
  if (s.trainedProfessionals > 0) return "never_started";
  return "not_trained";
}

const stage = (sites: FunnelSite[], professionals: (s: FunnelSite) => number) => ({
  sites: sites.length,
  professionals: sites.reduce((n, s) => n + professionals(s), 0),
});

/**
 * The region's training-to-practice funnel of a programme (the Lombardy report's "298 trained,
 * 124 implementing", by site and by professional): trained → started → still implementing, with
 * those trained who never started and those paused or stopped beside it.
 */
export function summariseRegionFunnel(sites: readonly FunnelSite[]) {
  const all = [...sites];
  const trained = all.filter((s) => s.trainedProfessionals > 0);
  const started = all.filter((s) => s.enrolled > 0);
  const staged = all.map((s) => ({ ...s, stage: stageOf(s) }));
  return {
    regionSites: all.length,
    trained: stage(trained, (s) => s.trainedProfessionals),
    started: {
      sites: started.length,
      professionals: all.reduce((n, s) => n + s.deliveringProfessionals, 0),
    },
    implementing: stage(
      staged.filter((s) => s.stage === "implementing"),
      (s) => s.deliveringProfessionals,
    ),
    neverStarted: {
      sites: trained.filter((s) => s.enrolled === 0).length,
      professionals: all.reduce((n, s) => n + s.trainedProfessionals - s.deliveringProfessionals, 0),
    },
    pausedOrStopped: stage(
      staged.filter((s) => s.stage === "paused_or_stopped"),
      (s) => s.trainedProfessionals,
    ),
    sites: staged,
  };
}
