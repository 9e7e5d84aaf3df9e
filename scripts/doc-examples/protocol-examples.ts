/** The examples of docs/protocol.md (§4.2, §19), rendered from the frames of a real relay run. */
import { STATUS_CODES } from 'node:http';
import { jsonBlock } from './json-layout.js';
import { playWorkedExample, type Frames } from './relay-scenario.js';

const fenced = (language: string, text: string) => `\`\`\`${language}\n${text}\n\`\`\``;
const json = (value: unknown) => fenced('json', jsonBlock(value));

function enrollExchange(frames: Frames): string {
  const { enrollRequest, enrollResponse } = frames;
  const request = [
    'POST /enroll HTTP/1.1',
    'Host: relay.example:4410',
    'Content-Type: application/json',
    '',
    JSON.stringify(enrollRequest),
  ];
  const response = [
    `HTTP/1.1 ${enrollResponse.status} ${STATUS_CODES[enrollResponse.status] ?? ''}`,
    `Content-Type: ${enrollResponse.contentType}`,
    `Cache-Control: ${enrollResponse.cacheControl}`,
    '',
    jsonBlock(enrollResponse.body),
  ];
  return `${fenced('http', request.join('\n'))}\n\n${fenced('http', response.join('\n'))}`;
}

/** Only the result of a push's one mutation: what the variations show. */
function onlyResult(response: Frames['pushResponse']): unknown {
  return response.ok ? response.results[0] : response;
}

/** Each example by the name of its marker in docs/protocol.md. */
export async function protocolExamples(): Promise<Map<string, string>> {
  const frames = await playWorkedExample();
  const examples = new Map<string, string>([
    ['enroll-response', json(frames.enrollResponse.body)],
    ['worked-enroll', enrollExchange(frames)],
    ['worked-auth', json(frames.auth)],
    ['worked-session', json(frames.session)],
    ['worked-pull-request', json(frames.pullRequest)],
    ['worked-pull-response', json(frames.pullResponse)],
    ['worked-receipt', json(frames.receiptLive)],
    ['worked-push', json(frames.pushRequest)],
    ['worked-acknowledged', json(frames.acknowledgedLive)],
    ['worked-push-answer', json(frames.pushResponse)],
    ['worked-resent', json(onlyResult(frames.resentResponse))],
    ['worked-colleague', json(onlyResult(frames.colleagueResponse))],
  ]);
  for (const [name, text] of examples) {
    examples.set(
      name,
      frames.standIns.reduce((shown, [secret, standIn]) => shown.replaceAll(secret, standIn), text),
    );
  }
  return examples;
}
