// Types of mono-connect-payments.js, written from mono-connect-payments.ts by mono-connect.
import type { MonoSessionFlow } from './mono-connect-types';

/** pay(): the server creates the payment and prices it; the widget collects it. */
export declare const payments: MonoSessionFlow | null;
