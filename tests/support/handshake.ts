import { PROTOCOL_VERSION } from '@contact-desk/shared';
import { io } from 'socket.io-client';

/** Opens and closes one connection with a token: `'connected'`, or the relay's refusal (its typed error). */
export function handshake(url: string, token: string): Promise<unknown> {
  const socket = io(url, {
    auth: { token, protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.disconnect();
      resolve('connected');
    });
    socket.once('connect_error', (error: Error & { data?: unknown }) => {
      socket.disconnect();
      resolve(error.data ?? error.message);
    });
  });
}
