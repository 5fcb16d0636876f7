import { translator } from '../../domain/i18n/translator';
import { applicationStatusKey, type ApplicationStatus } from '../protocol/application-status';
import type { EnvelopeContent } from '../protocol/envelope';
import type { Clock } from './clock';
import type { Database } from './database';
import { fleet } from './fleet-telemetry';
import { maskIdNumber, maskName } from '../../domain/mask';
import { isoTime } from './stored-time';

/** The read-only page at `/`: recent applications with masked personal data, and the fleet. */

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function renderOperatorView(db: Database, clock: Clock): Promise<string> {
  const rows = await db.query<{
    receipt_number: string;
    service_code: string;
    status: ApplicationStatus;
    received_at: number;
    content: string;
    kiosk_id: string;
  }>(
    'SELECT receipt_number, service_code, status, received_at, content, kiosk_id FROM applications ORDER BY received_at DESC LIMIT 50',
  );
  const kiosks = await fleet(db, clock);
  const zh = translator('zh-CN');
  const applications = rows
    .map((r) => {
      const identity = (JSON.parse(r.content) as EnvelopeContent).identity;
      return `<tr><td>${escape(r.receipt_number)}</td><td>${escape(r.service_code)}</td><td>${escape(maskName(identity.name))}</td><td>${escape(maskIdNumber(identity.idNumber))}</td><td>${zh(applicationStatusKey(r.status))}</td><td>${isoTime(r.received_at)}</td></tr>`;
    })
    .join('');
  const fleetRows = kiosks.kiosks
    .map(
      (k) =>
        `<tr><td>${escape(k.kioskId)}</td><td>${escape(k.label ?? '')}</td><td>${k.lastSeenAt ?? '—'}</td><td>${k.queueDepth?.envelopes ?? '—'}</td><td>${escape(k.faults.map((f) => `${f.role}:${f.state}`).join(', '))}</td><td>${k.revokedAt === undefined ? '' : '已吊销'}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>不打烊 · 平台</title>
<style>body{font:14px system-ui;margin:2em}table{border-collapse:collapse;margin-bottom:2em}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}</style>
<h1>不打烊参考平台</h1><h2>最近办件 Recent applications</h2>
<table><tr><th>办件编号</th><th>事项</th><th>申请人</th><th>身份证号</th><th>状态</th><th>收件时间</th></tr>${applications}</table>
<h2>终端 Fleet</h2><table><tr><th>终端</th><th>位置</th><th>最后在线</th><th>待传</th><th>设备故障</th><th></th></tr>${fleetRows}</table></html>`;
}
