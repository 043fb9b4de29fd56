import type { Config } from '@react-router/dev/config';

// Server rendering on: the page with the Mono button renders on the server, and connect.js still
// loads only in the browser, on the first click.
export default {
  ssr: true,
} satisfies Config;
