// Phaser's CommonJS sources, imported by src/vendor/phaser.ts; their types are the
// package's (`phaser`), so here each is only a module's exports.
declare module 'phaser/src/*' {
  const exports: object;
  export default exports;
}
