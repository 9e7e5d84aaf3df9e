#!/usr/bin/env node
// Liveness of the relay on this machine or in this container: GET /healthz on the port and
// address its CONTACT_DESK_* variables name, over HTTPS when CONTACT_DESK_TLS_CERT is set. Exits
// 0 on a 200, 1 otherwise, within 5 seconds. The Docker image's HEALTHCHECK runs it (there is no
// curl in the slim image); monitoring on a systemd host may too. It checks that the relay
// answers, not who it is: over TLS on loopback the certificate, made for the public name, is not
// checked.
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';

const env = process.env;
const wildcard = new Set(['', '0.0.0.0', '::', '[::]']);
const host = wildcard.has(env.CONTACT_DESK_HOST?.trim() ?? '') ? '127.0.0.1' : env.CONTACT_DESK_HOST.trim();
const port = Number(env.CONTACT_DESK_PORT?.trim() || 4410);
const tls = Boolean(env.CONTACT_DESK_TLS_CERT?.trim());
const get = tls ? httpsGet : httpGet;

const request = get({ host, port, path: '/healthz', timeout: 5000, ...(tls ? { rejectUnauthorized: false } : {}) }, (response) => {
  response.resume();
  process.exitCode = response.statusCode === 200 ? 0 : 1;
});
request.on('timeout', () => request.destroy(new Error('no answer within 5 s')));
request.on('error', (error) => {
  process.stderr.write(`healthcheck: ${host}:${port}: ${error.message}\n`);
  process.exitCode = 1;
});
