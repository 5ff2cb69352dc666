// gk-respond web: keys that make the pages quicker; every page works without this file.
"use strict";
document.addEventListener("keydown", function (event) {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  var target = event.target;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  // at a question: 1, 2, ... give the answer with that number
  var button = document.querySelector('button.answer[data-key="' + event.key + '"]');
  if (button) { event.preventDefault(); button.click(); }
});
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("summary");
  if (summary) summary.addEventListener("focus", function () { summary.select(); });
});
