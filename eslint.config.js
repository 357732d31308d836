// ESLint for the map's scripts (src/opmap/draw/assets): plain browser scripts, ES5 style,
// each wrapped in a function that adds its functions to the one global `opmap`.
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
    js.configs.recommended,
    {
        files: ["src/opmap/draw/assets/**/*.js"],
        languageOptions: {
            ecmaVersion: 5,
            sourceType: "script",
            // Intl: ECMA-402, in every browser the map supports (plural rules of the page)
            globals: {...globals.browser, L: "readonly", Intl: "readonly"},
        },
        rules: {
            "eqeqeq": "error",
            "no-implicit-globals": "error",
            "no-shadow": "error",
            "no-use-before-define": ["error", {functions: false, variables: false}],
            "strict": ["error", "function"],
            "curly": "error",
            "max-len": ["error", {code: 100}],
            "max-lines-per-function": ["error", {max: 80, skipBlankLines: true, skipComments: true}],
        },
    },
    {
        files: ["eslint.config.js", "stylelint.config.js"],
        languageOptions: {sourceType: "commonjs", globals: globals.node},
    },
];
