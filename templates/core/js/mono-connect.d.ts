// Types of mono-connect.js, written from mono-connect.ts by mono-connect.
import type { CreateMonoConnect, IsBusy, ListLinkedAccounts, MonoEventName, MonoWidgetOrigin, StatusText } from './mono-connect-types';

export type * from './mono-connect-types';

/** Every event name connect.js passes to onEvent, in the order a session usually meets them. */
export declare const MONO_EVENTS: readonly MonoEventName[];

/** Where the real widget is served from; connect.js hard-codes it as the iframe's origin. */
export declare const MONO_WIDGET_ORIGIN: MonoWidgetOrigin;

/**
 * Creates a controller for Mono Connect. Creating it is free and safe during server rendering:
 * nothing is loaded and the DOM is not touched until link(), reauthorise() or pay() is called.
 */
export declare const createMonoConnect: CreateMonoConnect;

/**
 * The text the starter pages show in their [data-mono-status] element: idle, opening,
 * linked <account id>, paid <payment id>, cancelled, or error: <message>.
 */
export declare const statusText: StatusText;

/** True while a session is between the click and its outcome. */
export declare const isBusy: IsBusy;

/**
 * The signed-in user's linked accounts, from your server's GET /api/mono/accounts (the Go
 * handler's store): [] when there are none. config is the app's config (backendUrl, fetch,
 * credentials), the same one createMonoConnect takes.
 */
export declare const listLinkedAccounts: ListLinkedAccounts;
