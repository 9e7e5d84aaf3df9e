// The demo's stand-ins for the outside world: an SMTP server that keeps every mail the relay
// sends, an HTTP receiver that verifies each webhook's signature (Standard Webhooks) and plays
// PagerDuty's Events API, and a page that shows what arrived, refreshed every few seconds.
import { createServer } from 'node:http';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';

const KEPT = 200;

const escape = (text) =>
  String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const time = (ms) => new Date(ms).toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris' });
const keep = (list, item) => {
  list.unshift(item);
  list.length = Math.min(list.length, KEPT);
};

/** A mail as the page shows it. */
async function readMail(stream, session) {
  const mail = await simpleParser(stream);
  return {
    at: Date.now(),
    to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(', '),
    subject: mail.subject ?? '',
    text: (mail.text ?? '').split('\n').slice(0, 14).join('\n'),
  };
}

/** PagerDuty's Events API v2, as far as the demo needs: incidents by dedup key and their state. */
function pagerEvent(incidents, body) {
  const key = body.dedup_key ?? '(none)';
  const state = { trigger: 'triggered', acknowledge: 'acknowledged', resolve: 'resolved' }[body.event_action] ?? body.event_action;
  const known = incidents.get(key);
  incidents.set(key, {
    key,
    state,
    summary: body.payload?.summary ?? known?.summary ?? '',
    at: Date.now(),
    events: (known?.events ?? 0) + 1,
  });
  return { status: 'success', message: 'Event processed', dedup_key: key };
}

function page(inbox) {
  const rows = (items, cells) =>
    items
      .map(
        (item) =>
          `<tr>${cells(item)
            .map((c) => `<td>${c}</td>`)
            .join('')}</tr>`,
      )
      .join('');
  const mails = rows(inbox.mails, (m) => [time(m.at), escape(m.to), `<strong>${escape(m.subject)}</strong><pre>${escape(m.text)}</pre>`]);
  const hooks = rows(inbox.hooks, (h) => [
    time(h.at),
    escape(h.path),
    h.verified
      ? '<span class="ok">signature ✓</span>'
      : `<span class="ko">${escape(h.verified === null ? 'unsigned' : 'signature ✗')}</span>`,
    `<code>${escape(h.id)}</code>`,
    `<strong>${escape(h.type)}</strong><pre>${escape(h.excerpt)}</pre>`,
  ]);
  const pager = rows(
    [...inbox.incidents.values()].sort((a, b) => b.at - a.at),
    (i) => [
      time(i.at),
      `<code>${escape(i.key)}</code>`,
      `<span class="st-${i.state}">${escape(i.state)}</span>`,
      escape(i.summary),
      i.events,
    ],
  );
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3">
<title>Contact Desk — boîte de démonstration</title>
<style>body{font:14px system-ui,sans-serif;margin:24px;color:#1d2939}h1{font-size:20px}h2{font-size:16px;margin-top:28px}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e4e7ec;padding:6px 8px;text-align:left;vertical-align:top}
pre{white-space:pre-wrap;margin:4px 0 0;font-size:12px;color:#475467;max-height:160px;overflow:auto}.ok{color:#067647;font-weight:600}.ko{color:#b42318;font-weight:600}
.st-triggered{color:#b42318;font-weight:600}.st-acknowledged{color:#b54708;font-weight:600}.st-resolved{color:#067647;font-weight:600}.muted{color:#667085}</style></head>
<body><h1>Ce que le relais a envoyé</h1><p class="muted">Courriels reçus par le serveur SMTP de démonstration, webhooks reçus et vérifiés, incidents du faux PagerDuty. Mise à jour toutes les 3 s.</p>
<h2>Incidents PagerDuty (${inbox.incidents.size})</h2><table><tr><th>Dernier</th><th>dedup_key</th><th>État</th><th>Résumé</th><th>Appels</th></tr>${pager}</table>
<h2>Webhooks (${inbox.hooks.length})</h2><table><tr><th>Reçu</th><th>Adresse</th><th>Vérification</th><th>webhook-id</th><th>Contenu</th></tr>${hooks}</table>
<h2>Courriels (${inbox.mails.length})</h2><table><tr><th>Reçu</th><th>À</th><th>Message</th></tr>${mails}</table></body></html>`;
}

/**
 * Starts the inbox. `secrets` maps a webhook path (`/hooks/meta`) to the signing secret its
 * webhook was given, so each delivery is checked as a real receiver would check it.
 */
export async function startInbox({ smtpPort, httpPort, host = '127.0.0.1' }) {
  const inbox = { mails: [], hooks: [], incidents: new Map(), secrets: new Map() };
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      readMail(stream, session).then((mail) => callback(null, keep(inbox.mails, mail)), callback);
    },
  });
  await new Promise((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(smtpPort, host, resolve);
  });
  const http = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(inbox));
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      let parsed = {};
      try {
        parsed = JSON.parse(body);
      } catch {
        res.writeHead(400).end();
        return;
      }
      if (path === '/pagerduty/v2/enqueue') {
        res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify(pagerEvent(inbox.incidents, parsed)));
        return;
      }
      const secret = inbox.secrets.get(path);
      let verified = null;
      if (secret) {
        try {
          new Webhook(secret).verify(body, req.headers);
          verified = true;
        } catch {
          verified = false;
        }
      }
      keep(inbox.hooks, {
        at: Date.now(),
        path,
        verified,
        id: req.headers['webhook-id'] ?? '',
        type: parsed.type ?? '',
        excerpt: JSON.stringify(parsed.data ?? parsed, null, 1).slice(0, 600),
      });
      res.writeHead(verified === false ? 401 : 200).end();
    });
  });
  await new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(httpPort, host, resolve);
  });
  const base = `http://${host}:${httpPort}`;
  return {
    url: base,
    smtpUrl: `smtp://${host}:${smtpPort}`,
    hookUrl: (path) => `${base}${path}`,
    pagerUrl: `${base}/pagerduty/v2/enqueue`,
    /** Checks deliveries to `path` against this secret from now on. */
    expect(path, secret) {
      inbox.secrets.set(path, secret);
    },
    close() {
      http.closeAllConnections?.();
      return Promise.all([new Promise((r) => http.close(r)), new Promise((r) => smtp.close(r))]);
    },
  };
}
