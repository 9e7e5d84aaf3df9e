import type { Server } from 'node:http';

/** Serves a folder of static files (the built web client); unknown paths get index.html. */
export function serveStatic(root: string, port: number, host?: string): Promise<Server>;
