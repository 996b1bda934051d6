// @ts-check
import js from '@eslint/js';
import security from 'eslint-plugin-security';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**', 'data/**', 'test/clients/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  security.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // Object property access by computed keys is how DTO field specs and query filters work; the
      // keys come from declared field lists, never from request input.
      'security/detect-object-injection': 'off',
    },
  },
  {
    // Paths these files open come from configuration or the repository layout, never from a request.
    files: [
      'src/database/**',
      'src/auth/jwt-secret.ts',
      'src/common/version.ts',
      'src/openapi/export-openapi.ts',
      'src/cli/cli-socket.ts',
      'src/cli/migration-cli.ts',
      'test/**',
      'bench/**',
      'scripts/**',
    ],
    rules: { 'security/detect-non-literal-fs-filename': 'off' },
  },
  {
    // Tests walk OpenAPI documents and HTTP bodies of any shape.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
    },
  },
);
