// The demo catalogue the platform seeds on first start. It lives in sync/protocol, browser-safe,
// because the renderer's fake kiosk shows it too.
export { DEMO_CATALOG } from '../protocol/demo-catalog';
