// mono-connect core: payments are not part of this integration (init ran without the payments
// feature), so this module holds no payment code and pay() rejects, naming the feature. Generated
// by mono-connect; read mono-connect.ts first.
import type { MonoSessionFlow } from './mono-connect-types';

/** null: pay() rejects; run mono-connect init again with the payments feature to add it. */
export const payments: MonoSessionFlow | null = null;
