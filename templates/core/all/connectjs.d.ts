// Types for @mono.co/connect.js, which ships none (connect.js#52). Written against 2.2.0.

declare module '@mono.co/connect.js' {
  /** Every name connect.js passes to onEvent. */
  export type MonoEventName =
    | 'LOADED'
    | 'OPENED'
    | 'INSTITUTION_SELECTED'
    | 'AUTH_METHOD_SWITCHED'
    | 'SUBMIT_CREDENTIALS'
    | 'SUBMIT_MFA'
    | 'ACCOUNT_SELECTED'
    | 'ACCOUNT_LINKED'
    | 'SUCCESS'
    | 'ERROR'
    | 'EXIT';

  export type MonoAuthMethod = 'internet_banking' | 'mobile_banking';

  export interface MonoInstitution {
    /** Mono institution id, 24 hex characters. */
    id: string;
    auth_method?: MonoAuthMethod;
    account_number?: string;
  }

  /** What onEvent receives; which fields are set depends on the event. */
  export interface MonoEventData {
    reference?: string;
    timestamp?: number;
    errorType?: string;
    errorMessage?: string;
    mfaType?: string;
    prevAuthMethod?: MonoAuthMethod;
    authMethod?: MonoAuthMethod;
    pageName?: string;
    selectedAccountsCount?: number;
    institution?: { id: string; name: string };
    [key: string]: unknown;
  }

  /** onSuccess data: { code } after linking, the charge object after a DirectPay payment. */
  export interface MonoSuccessData {
    code?: string;
    [key: string]: unknown;
  }

  export interface ConnectOptions {
    key: string;
    onSuccess: (data: MonoSuccessData) => void;
    /** Fires after every close, including the one that follows a success. */
    onClose?: () => void;
    /** Fires when the iframe's load event does, even for a failed load. */
    onLoad?: () => void;
    onEvent?: (name: MonoEventName, data: MonoEventData) => void;
    reference?: string;
    scope?: 'auth' | 'payments' | (string & {});
    /** JSON-encoded into the widget URL, e.g. { customer } or { payment_id }. */
    data?: Record<string, unknown>;
    /** Any other key becomes a query parameter of the widget URL. */
    [param: string]: unknown;
  }

  export interface SetupConfig {
    selectedInstitution?: MonoInstitution;
    check_account_match?: boolean;
    [param: string]: unknown;
  }

  /**
   * The widget. Callbacks are stored on the prototype: the last constructed instance's callbacks
   * serve every instance on the page.
   */
  export default class Connect {
    constructor(options: ConnectOptions);
    /** Inserts the (hidden) widget iframe; needs document. */
    setup(config?: SetupConfig): void;
    /** Prepares re-authorisation of an account linked before; an alternative to setup(). */
    reauthorise(accountId: string): void;
    /** Shows the widget (after a fixed 2 s); each call adds another message listener. */
    open(): void;
    /** Hides the widget and calls onClose. */
    close(): void;
    fetchInstitutions(): Promise<unknown>;
  }
}
