// Types of mono-connect-reauth.js, written from mono-connect-reauth.ts by mono-connect.
import type { MonoSessionFlow } from './mono-connect-types';

/** reauthorise(accountId): connect.js's reauthorise flow for an account linked before. */
export declare const reauth: MonoSessionFlow | null;
