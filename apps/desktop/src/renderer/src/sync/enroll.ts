/** Enrollment as the page performs it (the web client); the desktop app enrolls in its main process. */
export * from '../../../enrollment/relay-enrollment';
export { normalizeRelayUrl } from './relay-addresses';
