// tidings web UI: the little the pages need beyond HTML. Every page works without it.
"use strict";

// Document view: clicking an event card shows only that event's evidence in the text.
function focusEvent(text, card) {
  const index = card.dataset.index;
  const selected = card.classList.contains("selected");
  document.querySelectorAll(".event-card.selected").forEach((c) => c.classList.remove("selected"));
  text.classList.toggle("focused", !selected);
  text.querySelectorAll("mark").forEach((mark) => {
    mark.classList.remove("focus-trigger", "focus-source", "focus-target", "focus-sentence");
    if (selected) return;
    for (const entry of mark.dataset.marks.split(" ")) {
      const [event, role] = entry.split(":");
      if (event === index) mark.classList.add("focus-" + role);
    }
  });
  if (!selected) {
    card.classList.add("selected");
    const first = text.querySelector("mark.focus-trigger");
    if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const text = document.getElementById("text");
  if (!text) return;
  document.querySelectorAll(".event-card").forEach((card) => {
    card.addEventListener("click", (e) => {
      if (e.target.closest("a")) return;
      focusEvent(text, card);
    });
    card.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); focusEvent(text, card); }
    });
  });
  if (location.hash.startsWith("#event-")) {
    const card = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (card) focusEvent(text, card);
  }
});
