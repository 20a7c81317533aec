// hls.js ships its light build (no EME, alternate audio or in-stream subtitles: Amongi uses none of them)
// without type declarations; it has the same API as the full build.
declare module 'hls.js/light' {
  export * from 'hls.js';
  export { default } from 'hls.js';
}
