// Writes what the page computed (or the error that stopped it) where the browser tests read it.
export function show(value) {
  const out = document.getElementById("result");
  out.textContent = JSON.stringify(value);
  out.dataset.state = "done";
}

export function showError(error) {
  const out = document.getElementById("result");
  out.textContent = `${error?.name}: ${error?.message}`;
  out.dataset.state = "error";
}
