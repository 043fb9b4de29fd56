// useMonoConnect: Mono Connect as a Nuxt composable, written by mono-connect. It wraps the
// framework-neutral core in lib/mono-connect (read mono-connect.js for the widget's sharp edges).
//
// Safe in server rendering: the state renders as idle, and the controller (and with it connect.js,
// loaded by import() on first use) is only made when link(), reauthorise() or pay() runs in the
// browser, i.e. from a click.
import { computed, getCurrentScope, onScopeDispose, ref, shallowRef } from 'vue';
import type { ComputedRef } from 'vue';
import { createMonoConnect, isBusy, statusText } from '~/lib/mono-connect/mono-connect.js';
import type {
  MonoCloseReason,
  MonoConnectConfig,
  MonoConnectController,
  MonoConnectState,
  MonoLinkOptions,
  MonoLinkResult,
  MonoPaymentOptions,
  MonoPaymentResult,
} from '~/lib/mono-connect/mono-connect.js';
import { monoConfig } from '~/lib/mono-connect/config';

/** Anything of the core's config; the key, backend and institution default to lib/mono-connect/config. */
export type UseMonoConnectOptions = Partial<MonoConnectConfig>;

export interface UseMonoConnect {
  /** The session's state: idle, opening, open, exchanging, linked, paid, cancelled or error. */
  state: ComputedRef<MonoConnectState>;
  /** statusText(state): idle, opening, linked <id>, paid <id>, cancelled, error: <message>. */
  status: ComputedRef<string>;
  /** True between the click and the outcome (show it with aria-busy; the core ignores double clicks). */
  busy: ComputedRef<boolean>;
  /** Why the widget last closed ('' before it ever did): connect.js closes after a success too. */
  closeReason: ComputedRef<MonoCloseReason | ''>;
  link(options?: MonoLinkOptions): Promise<MonoLinkResult | null>;
  reauthorise(accountId: string): Promise<MonoLinkResult | null>;
  pay(payment: MonoPaymentOptions): Promise<MonoPaymentResult | null>;
  close(): void;
  reset(): void;
}

/**
 * Call it in a component's setup. Each call owns one controller, destroyed (closing an open
 * widget) when the component unmounts; the core allows one open widget per page at a time.
 */
export function useMonoConnect(options: UseMonoConnectOptions = {}): UseMonoConnect {
  // runtimeConfig is read here, in setup, where Nuxt's context is available.
  const settings = monoConfig();
  const config: MonoConnectConfig = { ...settings, ...options, institution: options.institution ?? settings.institution };
  const state = shallowRef<MonoConnectState>({ status: 'idle' });
  const closeReason = ref<MonoCloseReason | ''>('');
  let controller: MonoConnectController | null = null;

  function mono(): MonoConnectController {
    if (!controller) {
      controller = createMonoConnect({
        ...config,
        onClose(event) {
          closeReason.value = event.reason;
          config.onClose?.(event);
        },
      });
      controller.subscribe((next) => {
        state.value = next;
      });
    }
    return controller;
  }

  // import.meta.server is a build-time constant: the server bundle keeps none of the widget path.
  function inBrowser<T>(run: (controller: MonoConnectController) => Promise<T>): Promise<T> {
    if (import.meta.server) {
      return Promise.reject(new Error('mono-connect: the widget can only open in a browser'));
    }
    return run(mono());
  }

  if (getCurrentScope()) {
    onScopeDispose(() => controller?.destroy());
  }

  return {
    state: computed(() => state.value),
    status: computed(() => statusText(state.value)),
    busy: computed(() => isBusy(state.value)),
    closeReason: computed(() => closeReason.value),
    link: (linkOptions) => inBrowser((c) => c.link(linkOptions)),
    reauthorise: (accountId) => inBrowser((c) => c.reauthorise(accountId)),
    pay: (payment) => inBrowser((c) => c.pay(payment)),
    close: () => controller?.close(),
    reset: () => controller?.reset(),
  };
}
