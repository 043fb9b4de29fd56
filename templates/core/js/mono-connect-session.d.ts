// Types of mono-connect-session.js, written from mono-connect-session.ts by mono-connect.
import type { RunSession } from './mono-connect-types';

/**
 * Runs one widget session: wait for connect.js (widget, loaded by mono-connect.ts), configure it, open it, and settle when the widget
 * closes. mono-connect.ts calls it; it is not part of the core's API.
 */
export declare const runSession: RunSession;
