// cli-table3's own measure of a cell's text (src/render/longTable.ts); the package ships no types for it.
declare module 'cli-table3/src/utils.js' {
  const utils: { strlen(text: string): number };
  export default utils;
}
