// Types of mono-connect-http.js, written from mono-connect-http.ts by mono-connect.
import type { MonoConnectConfig } from './mono-connect-types';

/** Where and how to call your server: the part of the config the HTTP calls read. */
export type MonoServerConfig = Pick<MonoConnectConfig, 'backendUrl' | 'fetch' | 'credentials'>;

/** The signature of requestJSON. */
export type RequestJSON = (config: MonoServerConfig, path: string, init: RequestInit) => Promise<unknown>;

/** The signature of postJSON. */
export type PostJSON = (config: MonoServerConfig, path: string, payload: unknown) => Promise<unknown>;

/** The signature of stringField. */
export type StringField = (body: unknown, name: string) => string;

/** body[name] when body is an object and that field a non-empty string, else ''. */
export declare const stringField: StringField;

/**
 * Calls your server and returns its decoded JSON answer; a failed call or a non-2xx answer throws
 * an Error with the server's `error` text (and its HTTP status as `status`).
 */
export declare const requestJSON: RequestJSON;

/** POSTs payload as JSON to your server (requestJSON). */
export declare const postJSON: PostJSON;
