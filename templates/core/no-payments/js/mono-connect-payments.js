// mono-connect core: payments are not part of this integration (init ran without the payments
// feature), so this module holds no payment code and pay() rejects, naming the feature. Generated
// by mono-connect; read mono-connect.ts first.
//
// Compiled by esbuild from mono-connect-payments.ts, the source mono-connect writes into TypeScript projects;
// the types are in mono-connect-payments.d.ts beside this file.
const payments = null;
export {
  payments
};
