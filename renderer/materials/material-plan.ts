// Which materials the citizen hands in at the kiosk, and what is still open before review.
import type { MaterialSpec, Service } from '../catalog/catalog-model';
import type { MaterialState } from '../session/journey';

/**
 * Materials photographed with the document camera: those the catalogue marks for scanning,
 * less those a 告知承诺 replaces (the ID card is read, electronic ones are generated).
 */
export function materialsToCapture(service: Service): MaterialSpec[] {
  return service.materials.filter((m) => m.scan && !m.byCommitment);
}

/** Required materials neither captured nor deferred under 容缺. */
export function openMaterials(
  service: Service,
  states: Record<string, MaterialState>,
): MaterialSpec[] {
  return materialsToCapture(service).filter((m) => m.required && !states[m.id]);
}

/**
 * The 容缺 deadline: `days` working days after `from`, weekends skipped. Public holidays vary
 * by year and are the platform's to adjust; the kiosk promises no later than this.
 */
export function deadlineAfterWorkingDays(from: Date, days: number): string {
  const date = new Date(Date.UTC(from.getFullYear(), from.getMonth(), from.getDate()));
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return date.toISOString().slice(0, 10);
}

/**
 * Working days the citizen has to supply a 容缺 material: the material's own figure, else the
 * service's promised time limit (docs/domain.md: never longer than it), else five.
 */
export function deferralDays(material: MaterialSpec, service: Service): number {
  if (material.deferDays !== undefined) return material.deferDays;
  const promised = service.guide.promisedLimit;
  if ((promised.kind === 'working-days' || promised.kind === 'days') && promised.value)
    return promised.value;
  return 5;
}
