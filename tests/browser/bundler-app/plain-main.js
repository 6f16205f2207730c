// No bundler: the package's browser entry imported by path, for the Content-Security-Policy
// tests (the page is served with `script-src 'self' 'wasm-unsafe-eval'`, or without the
// second source, where compiling the module must be refused).
import { show, showError } from "./show.js";

import("./pkg/rating.web.js").then(
  ({ rate }) => {
    const r = rate([2, 3, 3, 2, 2, 2, 2, 3, 3]);
    show({ rating: r.rating, percent: r.percent });
  },
  showError,
);
