// Prerender every page at build time: the build then proves that nothing touches the browser-only
// widget during server rendering, and adapter-static can write the pages as plain HTML.
export const prerender = true;
