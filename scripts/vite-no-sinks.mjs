// A build step that takes two unreachable dangers out of the libraries we bundle, so the built
// extension holds no code generation and no HTML sink at all (Chrome Web Store MV3 rules; web-ext
// lint's DANGEROUS_EVAL and UNSAFE_VAR_ASSIGNMENT):
// - zod compiles fast parsers with `new Function` unless `jitless` (which utils/zod-setup.ts sets);
//   its probe and its compiler are replaced by throws.
// - React DOM writes innerHTML only for `dangerouslySetInnerHTML` (forbidden in our code by Biome)
//   and to create a <script> element (we render none); both become throws.
// Every replacement must match: a library update that moves the code fails the build here, not
// silently at run time.
const RULES = [
  {
    file: /node_modules\/zod\/v4\/core\/util\.js$/,
    swaps: [[/const F = Function;\s*new F\(""\);/, 'throw new Error("Lupa: code generation is disabled");']],
  },
  {
    file: /node_modules\/zod\/v4\/core\/doc\.js$/,
    swaps: [
      [/const factory = new F\([\s\S]*?\);\n/, 'const factory = (() => { throw new Error("Lupa: code generation is disabled"); })();\n'],
    ],
  },
  {
    file: /node_modules\/react-dom\/cjs\/react-dom-client\.production\.js$/,
    swaps: [
      [/nextResource\.innerHTML = "<script>\\x3c\/script>";/, 'throw Error("Lupa: <script> elements are not rendered");'],
      [/\(domElement\.innerHTML = key\)/g, '(() => { throw Error("Lupa: dangerouslySetInnerHTML is disabled"); })()'],
    ],
  },
];

export function noSinks() {
  return {
    name: 'lupa-no-sinks',
    enforce: 'pre',
    transform(code, id) {
      const rule = RULES.find((r) => r.file.test(id.split('?')[0]));
      if (!rule) return null;
      let out = code;
      for (const [pattern, replacement] of rule.swaps) {
        if (!pattern.test(out)) this.error(`lupa-no-sinks: ${pattern} no longer matches ${id}; check the library's new code`);
        pattern.lastIndex = 0;
        out = out.replace(pattern, replacement);
      }
      return { code: out, map: null };
    },
  };
}
