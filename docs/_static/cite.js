/* "Cite this paper": a Copy button on each format; without JavaScript the formats stay selectable plain text. */
(() => {
  "use strict";

  document.querySelectorAll(".cite-this-paper .citation-format").forEach((box) => {
    const source = box.querySelector("pre");
    const label = box.querySelector(".citation-format-label");
    if (!source || !label || !navigator.clipboard) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy-citation";
    button.textContent = "Copy";
    button.setAttribute("aria-label", `Copy ${label.textContent.trim()}`);
    const status = document.createElement("span");
    status.className = "copy-status";
    status.setAttribute("role", "status");
    button.addEventListener("click", () => {
      navigator.clipboard.writeText(source.textContent.replace(/\n$/, "")).then(
        () => (status.textContent = "Copied"),
        () => (status.textContent = "Select the text to copy it"),
      );
    });
    label.append(" ", button, status);
  });
})();
