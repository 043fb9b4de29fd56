// useMonoConnect: Mono Connect as a Nuxt composable, written by mono-connect. It wraps the
// framework-neutral core in lib/mono-connect (read mono-connect.js for the widget's sharp edges).
//
// Safe in server rendering: the state renders as idle, and the controller (and with it connect.js,
// loaded by import() on first use) is only made when link(), reauthorise() or pay() runs in the
// browser, i.e. from a click.
import { computed, getCurrentScope, onScopeDispose, ref, shallowRef } from 'vue';
import { createMonoConnect, isBusy, statusText } from '~/lib/mono-connect/mono-connect.js';
import { monoConfig } from '~/lib/mono-connect/config';

/**
 * @typedef {import('~/lib/mono-connect/mono-connect.js').MonoConnectConfig} MonoConnectConfig
 * @typedef {import('~/lib/mono-connect/mono-connect.js').MonoConnectController} MonoConnectController
 * @typedef {import('~/lib/mono-connect/mono-connect.js').MonoConnectState} MonoConnectState
 * @typedef {import('~/lib/mono-connect/mono-connect.js').MonoCloseReason} MonoCloseReason
 */

/**
 * @typedef {object} UseMonoConnect
 * @property {import('vue').ComputedRef<MonoConnectState>} state the session's state
 * @property {import('vue').ComputedRef<string>} status statusText(state): idle, opening, linked <id>, paid <id>, cancelled, error: <message>
 * @property {import('vue').ComputedRef<boolean>} busy true between the click and the outcome (show it with aria-busy)
 * @property {import('vue').ComputedRef<MonoCloseReason | ''>} closeReason why the widget last closed: connect.js closes after a success too
 * @property {(options?: import('~/lib/mono-connect/mono-connect.js').MonoLinkOptions) => Promise<import('~/lib/mono-connect/mono-connect.js').MonoLinkResult | null>} link
 * @property {(accountId: string) => Promise<import('~/lib/mono-connect/mono-connect.js').MonoLinkResult | null>} reauthorise
 * @property {(payment: import('~/lib/mono-connect/mono-connect.js').MonoPaymentOptions) => Promise<import('~/lib/mono-connect/mono-connect.js').MonoPaymentResult | null>} pay
 * @property {() => void} close
 * @property {() => void} reset
 */

/**
 * Call it in a component's setup. Each call owns one controller, destroyed (closing an open
 * widget) when the component unmounts; the core allows one open widget per page at a time.
 * The key, backend and institution default to lib/mono-connect/config.
 *
 * @param {Partial<MonoConnectConfig>} [options]
 * @returns {UseMonoConnect}
 */
export function useMonoConnect(options = {}) {
  // runtimeConfig is read here, in setup, where Nuxt's context is available.
  const settings = monoConfig();
  /** @type {MonoConnectConfig} */
  const config = { ...settings, ...options, institution: options.institution ?? settings.institution };
  const state = shallowRef(/** @type {MonoConnectState} */ ({ status: 'idle' }));
  const closeReason = ref(/** @type {MonoCloseReason | ''} */ (''));
  /** @type {MonoConnectController | null} */
  let controller = null;

  /** @returns {MonoConnectController} */
  function mono() {
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
  /**
   * @template T
   * @param {(controller: MonoConnectController) => Promise<T>} run
   * @returns {Promise<T>}
   */
  function inBrowser(run) {
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
