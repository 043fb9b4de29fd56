// Server rendering on: the page with the Mono button renders on the server, and connect.js still
// loads only in the browser, on the first click.
/** @type {import('@react-router/dev/config').Config} */
export default {
  ssr: true,
};
