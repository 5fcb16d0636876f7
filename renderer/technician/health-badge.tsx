import type { HealthTone } from './device-health-board';

// A shape as well as a colour, so the state reads without colour vision.
const glyph: Record<HealthTone, string> = { ok: '●', warn: '▲', fault: '■', off: '○' };

export function HealthBadge({ tone, label }: { tone: HealthTone; label: string }) {
  return (
    <span className={`tech-badge tech-tone-${tone}`}>
      <span aria-hidden="true">{glyph[tone]}</span> {label}
    </span>
  );
}
