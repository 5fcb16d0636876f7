import { describe, expect, it } from 'vitest';
import { DEMO_CATALOG } from '../../sync/protocol/demo-catalog';
import { demoCatalog } from './demo-catalog';

describe('the fake kiosk’s demo catalogue', () => {
  it('is the platform’s demo catalogue, every service and theme', () => {
    expect(demoCatalog.services.map((s) => s.code)).toEqual(
      DEMO_CATALOG.services.map((s) => s.code),
    );
    expect(demoCatalog.themes.map((t) => t.id)).toEqual(DEMO_CATALOG.themes.map((t) => t.code));
  });

  it('still reaches the screens the wire cannot ask for yet', () => {
    expect(demoCatalog.services.filter((s) => s.identify.manual)).toHaveLength(2);
    const counterOnly = demoCatalog.services.filter((s) => !s.kioskCapable);
    expect(counterOnly.map((s) => s.name['zh-CN'])).toEqual(['社保卡补换']);
    expect(counterOnly[0]?.elsewhere).toBeDefined();
  });
});
