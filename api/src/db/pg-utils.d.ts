// pg's value serialisation for Bind (Dates, arrays, Buffers, objects as JSON): what its own Query uses.
declare module 'pg/lib/utils.js' {
  const utils: { prepareValue: (value: unknown) => unknown };
  export default utils;
}
