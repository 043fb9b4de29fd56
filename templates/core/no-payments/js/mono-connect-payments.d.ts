// Types of mono-connect-payments.js, written from mono-connect-payments.ts by mono-connect.
import type { MonoSessionFlow } from './mono-connect-types';

/** null: pay() rejects; run mono-connect init again with the payments feature to add it. */
export declare const payments: MonoSessionFlow | null;
