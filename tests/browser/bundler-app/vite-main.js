// The page as a Vite user writes it: the rating sub-path with its top-level await (Vite copies
// the module it fetches), and the timeline through its explicit-init entry with the default
// source (the module beside the entry, which Vite copies too).
import { rate } from "cqc-assurance/rating";
import { init, addWorkingDays } from "cqc-assurance/timeline/init";
import { show, showError } from "./show.js";

try {
  await init();
  const r = rate([2, 3, 3, 2, 2, 2, 2, 3, 3]);
  show({ rating: r.rating, percent: r.percent, nextWorkingDay: addWorkingDays("2025-04-17", 1) });
} catch (e) {
  showError(e);
}
