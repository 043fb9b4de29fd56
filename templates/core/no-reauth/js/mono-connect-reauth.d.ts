// Types of mono-connect-reauth.js, written from mono-connect-reauth.ts by mono-connect.
import type { MonoSessionFlow } from './mono-connect-types';

/** null: reauthorise() rejects; run mono-connect init again with the reauth feature to add it. */
export declare const reauth: MonoSessionFlow | null;
