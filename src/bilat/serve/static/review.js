/* bilat review queue: accept / reject one item or the selected ones, with keyboard keys.
   Uses the reviewer name and token saved for this tab (the same keys as the article page). */
(function () {
  "use strict";
  var KEY_TOKEN = "bilat.token", KEY_AUTHOR = "bilat.author";

  function status(text, bad) {
    var el = document.getElementById("rv-status");
    if (el) { el.textContent = text; el.style.color = bad ? "#b2312b" : ""; }
  }

  function credentials() {
    var token = sessionStorage.getItem(KEY_TOKEN), author = sessionStorage.getItem(KEY_AUTHOR);
    if (!token || !author) {
      status("Enter your name and the API token first.", true);
      var box = document.getElementById(author ? "rv-token" : "rv-author");
      if (box) { box.focus(); }
      return null;
    }
    return { token: token, author: author };
  }

  function review(items, action) {
    var cred = credentials();
    if (!cred || !items.length) { return; }
    status("Saving " + items.length + "…", false);
    var chain = Promise.resolve();
    items.forEach(function (li) {
      chain = chain.then(function () {
        return fetch("/api/review", {
          method: "POST",
          headers: { "Content-Type": "application/json", "Authorization": "Bearer " + cred.token },
          body: JSON.stringify({ item_type: li.getAttribute("data-type"),
            item_id: Number(li.getAttribute("data-id")), action: action, author: cred.author })
        }).then(function (r) {
          if (!r.ok) {
            return r.json().then(function (d) { throw new Error(d && d.error ? d.error.message : "request failed"); });
          }
        });
      });
    });
    chain.then(function () { location.reload(); })
      .catch(function (err) { status(err.message || "network error", true); });
  }

  function init() {
    var list = document.getElementById("review-queue");
    if (!list) { return; }
    var author = document.getElementById("rv-author"), token = document.getElementById("rv-token");
    author.value = sessionStorage.getItem(KEY_AUTHOR) || "";
    if (sessionStorage.getItem(KEY_TOKEN)) { token.placeholder = "token saved"; }
    document.getElementById("rv-save").addEventListener("click", function () {
      if (author.value.trim()) { sessionStorage.setItem(KEY_AUTHOR, author.value.trim()); }
      if (token.value.trim()) { sessionStorage.setItem(KEY_TOKEN, token.value.trim()); token.value = ""; token.placeholder = "token saved"; }
      status("Saved for this tab.", false);
    });
    function selected() {
      return Array.prototype.filter.call(list.querySelectorAll("li.rq-item"), function (li) {
        return li.querySelector("input[type=checkbox]").checked;
      });
    }
    document.getElementById("rq-accept-selected").addEventListener("click", function () { review(selected(), "accept"); });
    document.getElementById("rq-reject-selected").addEventListener("click", function () { review(selected(), "reject"); });
    list.addEventListener("click", function (ev) {
      var button = ev.target.closest("button[data-action]");
      if (button) { review([button.closest("li.rq-item")], button.getAttribute("data-action")); }
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.target.closest && ev.target.closest("input, textarea")) { return; }
      var items = Array.prototype.slice.call(list.querySelectorAll("li.rq-item"));
      var at = items.indexOf(document.activeElement);
      var current = at >= 0 ? items[at] : null;
      if (ev.key === "j" || ev.key === "k") {
        var next = items[Math.max(0, Math.min(items.length - 1, at + (ev.key === "j" ? 1 : -1)))];
        if (next) { next.focus(); ev.preventDefault(); }
      } else if (current && (ev.key === "a" || ev.key === "r")) {
        review([current], ev.key === "a" ? "accept" : "reject");
      } else if (current && ev.key === "x") {
        var box = current.querySelector("input[type=checkbox]"); box.checked = !box.checked;
      } else if (current && ev.key === "o") {
        location.href = current.getAttribute("data-href");
      }
    });
    var first = list.querySelector("li.rq-item");
    if (first) { first.focus(); }
  }

  document.addEventListener("DOMContentLoaded", init);
})();
