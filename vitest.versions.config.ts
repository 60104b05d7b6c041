import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// The tests that find differences between Node lines, for the Node versions CI does not run the
// whole suite on (README "Node versions"): the pure machines, policies and forms; the domain
// (Web Crypto, Intl and Japan time, the JWE packages); PDFs (react-pdf, pdfjs); HTTP on the parts
// Node's fetch/undici, Blob and FormData carry (sign-in and cookies, multipart uploads, problem
// answers, PDF downloads), a workflow over HTTP, the summary PDF's worker thread (tsx loader), and
// one browser test (playwright-core).
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    // replaces the whole suite's include (mergeConfig would add to it)
    include: [
      'workflows/**/*.test.ts',
      'policies/**/*.test.ts',
      'forms/**/*.test.ts',
      'src/domain/**/*.test.ts',
      'src/adapters/**/*.test.ts',
      'src/pdf/**/*.test.ts',
      'src/http/api-conventions.test.ts',
      'src/http/pdf-documents.test.ts',
      'src/http/routes/auth.routes.test.ts',
      'src/http/routes/attachments.routes.test.ts',
      'src/http/routes/contracts-lifecycle.routes.test.ts',
      'src/http/pages/summaries/*.test.ts',
      'test/e2e/inspection-phone.test.ts',
    ],
  },
});
